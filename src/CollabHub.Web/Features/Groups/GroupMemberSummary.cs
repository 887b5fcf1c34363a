namespace CollabHub.Web.Features.Groups;

/// <summary>One member as a group's member list shows them.</summary>
public sealed record GroupMemberSummary(
    string UserId,
    string DisplayName,
    Guid? AvatarVersion,
    GroupRole Role,
    DateTimeOffset JoinedAt,
    string JobTitle,
    string DutyStation);
