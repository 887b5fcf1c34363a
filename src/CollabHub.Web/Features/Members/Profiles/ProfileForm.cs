namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>The profile editor's fields as the member typed them; <see cref="ProfileValidator"/> decides what is stored.</summary>
public sealed class ProfileForm
{
    private List<string> languages = [];

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

    /// <summary>ISO codes; never null (form binding assigns null when no box is ticked).</summary>
    public List<string> Languages
    {
        get => languages;
        set => languages = value ?? [];
    }

    public string? TimeZone { get; set; }
}
