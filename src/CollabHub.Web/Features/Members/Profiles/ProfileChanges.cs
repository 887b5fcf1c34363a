namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>A profile edit after validation and normalisation: safe to store as it is.</summary>
public sealed record ProfileChanges(
    string DisplayName,
    string? OrganisationCode,
    string? OrganisationOther,
    string DutyStation,
    string JobTitle,
    string Bio,
    IReadOnlyList<string> Expertise,
    IReadOnlyList<string> Languages,
    string? TimeZone);
