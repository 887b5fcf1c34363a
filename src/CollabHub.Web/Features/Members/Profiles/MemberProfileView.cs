namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>A member's public profile as fellow members see it; the bio is already safe HTML.</summary>
public sealed record MemberProfileView(
    string UserId,
    string DisplayName,
    UnOrganisation? Organisation,
    string? OrganisationOther,
    string JobTitle,
    string DutyStation,
    string BioHtml,
    IReadOnlyList<string> Expertise,
    IReadOnlyList<SpokenLanguage> Languages,
    string? TimeZone,
    DateTimeOffset? LocalTime,
    DateTimeOffset MemberSince,
    Guid? AvatarVersion)
{
    /// <summary>The organisation as the profile shows it: the catalogue's label, or what the member typed.</summary>
    public string? OrganisationLabel => Organisation?.Label ?? OrganisationOther;
}
