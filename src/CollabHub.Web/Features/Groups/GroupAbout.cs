using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// A group's About tab. <see cref="Leaders"/> (owners and moderators) only for those who may read the group;
/// <see cref="PendingRequestAt"/> when the viewer has asked to join and is waiting.
/// </summary>
public sealed record GroupAbout(
    GroupAccess Access,
    MarkupString Description,
    IReadOnlyList<GroupMemberSummary> Leaders,
    DateTimeOffset? PendingRequestAt);
