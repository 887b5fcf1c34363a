namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>The profile editor's fields as the member typed them; <see cref="ProfileValidator"/> decides what is stored.</summary>
public sealed class ProfileForm
{
    public const int DisplayNameMinLength = 2;
    public const int DisplayNameMaxLength = 100;

    public string? DisplayName { get; set; }

    public string? OrganisationCode { get; set; }

    public string? OrganisationOther { get; set; }

    public string? JobTitle { get; set; }

    public string? DutyStation { get; set; }

    public string? Bio { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Expertise { get; set; }

    public List<string> Languages { get; set; } = [];

    public string? TimeZone { get; set; }
}
