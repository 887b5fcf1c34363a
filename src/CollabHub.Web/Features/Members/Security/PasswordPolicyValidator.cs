using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Members.Security;

/// <summary>
/// The checks Identity's built-in validator lacks: an upper length bound, the common-password list, and the
/// user's own e-mail name. Identity's validator still enforces <see cref="PasswordPolicy.MinLength"/>.
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>Shorter e-mail names ("jo") occur by chance inside good passwords; rejecting them helps no one.</summary>
    private const int ShortestMeaningfulEmailName = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var errors = new List<IdentityError>();
        if (password.Length > PasswordPolicy.MaxLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Use at most {PasswordPolicy.MaxLength} characters." });
        }

        if (CommonPasswords.Contains(password))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is one of the most commonly used and easy to guess. Choose another.",
            });
        }

        if (EmailName(user.Email ?? user.UserName) is { Length: >= ShortestMeaningfulEmailName } name
            && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordContainsEmail",
                Description = "The password must not contain your e-mail name.",
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static string? EmailName(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return (at < 0 ? email : email[..at]).Trim();
    }
}
