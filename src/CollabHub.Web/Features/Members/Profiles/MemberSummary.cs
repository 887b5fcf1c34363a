namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>One member as the directory lists them.</summary>
public sealed record MemberSummary(
    string UserId,
    string DisplayName,
    string? Organisation,
    string? OrganisationName,
    string JobTitle,
    string DutyStation,
    Guid? AvatarVersion);
