namespace CollabHub.Web.Features.Groups;

/// <summary>That a member belongs to a group, and in which role.</summary>
public class GroupMembership
{
    public Guid GroupId { get; set; }

    public string UserId { get; set; } = "";

    public GroupRole Role { get; set; } = GroupRole.Member;

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>
    /// Promotes or demotes. <paramref name="owners"/> is the number of owners now, counted under the group's row lock:
    /// the last owner can't step down before handing over.
    /// </summary>
    public void ChangeRole(GroupRole role, int owners)
    {
        if (!Enum.IsDefined(role))
        {
            throw new GroupRuleException("Choose a role from the list: member, moderator or owner.");
        }

        if (role == Role)
        {
            throw new GroupRuleException($"No change: they are already {GroupRoles.WithArticle(role)}.");
        }

        if (Role == GroupRole.Owner && owners <= 1)
        {
            throw new GroupRuleException(Group.LastOwnerMessage);
        }

        Role = role;
    }
}
