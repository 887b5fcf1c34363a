namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>What a member tells colleagues about themselves. One per user, created on first save.</summary>
public class MemberProfile
{
    public const int OrganisationOtherMaxLength = 120;
    public const int DutyStationMaxLength = 100;
    public const int JobTitleMaxLength = 120;
    public const int BioMaxLength = 2000;

    private MemberProfile()
    {
    }

    public string UserId { get; private set; } = "";

    /// <summary>A code from <see cref="UnOrganisations"/>, <see cref="UnOrganisations.OtherCode"/>, or null when not given.</summary>
    public string? OrganisationCode { get; private set; }

    /// <summary>The organisation's name as the member typed it; only with <see cref="UnOrganisations.OtherCode"/>.</summary>
    public string? OrganisationOther { get; private set; }

    public string DutyStation { get; private set; } = "";

    public string JobTitle { get; private set; } = "";

    /// <summary>Markdown, rendered through the shared MarkdownRenderer.</summary>
    public string Bio { get; private set; } = "";

    /// <summary>Normalised tags (<see cref="ExpertiseTags"/>).</summary>
    public List<string> Expertise { get; private set; } = [];

    /// <summary>ISO 639-1 codes from <see cref="SpokenLanguages"/>.</summary>
    public List<string> Languages { get; private set; } = [];

    /// <summary>An IANA time zone id, or null.</summary>
    public string? TimeZone { get; private set; }

    /// <summary>The free-text fields in one column for the directory's trigram search; kept in step by <see cref="Apply"/>.</summary>
    public string SearchText { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public static MemberProfile For(string userId) => new() { UserId = userId };

    /// <summary>Takes already validated values (see <see cref="ProfileValidator"/>).</summary>
    public void Apply(ProfileChanges changes, DateTimeOffset now)
    {
        OrganisationCode = changes.OrganisationCode;
        OrganisationOther = changes.OrganisationOther;
        DutyStation = changes.DutyStation;
        JobTitle = changes.JobTitle;
        Bio = changes.Bio;
        Expertise = [.. changes.Expertise];
        Languages = [.. changes.Languages];
        TimeZone = changes.TimeZone;
        SearchText = string.Join(" | ", new[] { DutyStation, JobTitle, OrganisationOther ?? "" }.Concat(Expertise).Where(s => s.Length > 0));
        UpdatedAt = now;
    }
}
