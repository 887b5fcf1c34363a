namespace CollabHub.Web.Features.Groups;

/// <summary>That a member belongs to a group, and in which role.</summary>
public class GroupMembership
{
    public Guid GroupId { get; set; }

    public string UserId { get; set; } = "";

    public GroupRole Role { get; set; } = GroupRole.Member;

    public DateTimeOffset JoinedAt { get; set; }
}
