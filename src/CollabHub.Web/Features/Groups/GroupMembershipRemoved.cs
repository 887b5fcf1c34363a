namespace CollabHub.Web.Features.Groups;

/// <summary>
/// Published on <c>LiveTopics.Group(groupId)</c> after a membership row was deleted and committed (leave, removal,
/// ban), so live parts stop serving that member the group's content at once: chat drops every connection and circuit
/// of theirs from the group's channel.
/// </summary>
public sealed record GroupMembershipRemoved(Guid GroupId, string UserId);
