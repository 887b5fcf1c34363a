namespace CollabHub.Web.Features.Groups;

/// <summary>How roles read in sentences and on badges.</summary>
public static class GroupRoles
{
    public static string Label(GroupRole role) => role switch
    {
        GroupRole.Owner => "Owner",
        GroupRole.Moderator => "Moderator",
        GroupRole.Member => "Member",
        _ => role.ToString(),
    };

    /// <summary>"an owner", "a moderator", "a member".</summary>
    public static string WithArticle(GroupRole role) => role switch
    {
        GroupRole.Owner => "an owner",
        GroupRole.Moderator => "a moderator",
        GroupRole.Member => "a member",
        _ => role.ToString(),
    };
}
