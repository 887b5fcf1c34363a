namespace CollabHub.Web.Features.Members.Security;

/// <summary>
/// OWASP ASVS 5.0 passwords: long enough, no composition rules, not a common password, not the e-mail name.
/// The constants feed both Identity's options and the forms' hints, so the two never disagree.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    public const int MaxLength = 128;

    /// <summary>ASVS 5.0 asks for at least 210,000 iterations of PBKDF2-HMAC-SHA512.</summary>
    public const int HashIterations = 210_000;

    public const string LengthMessage = "Use at least 12 and at most 128 characters.";

    public const string Hint = "At least 12 characters. A few unrelated words make a strong password that is easy to remember.";
}
