namespace CollabHub.Web.Features.Groups;

/// <summary>
/// What one viewer may do in one group. Every page, endpoint, hub method and query that touches a group's content
/// decides through this (or through <see cref="GroupQueries"/> for lists), so the rules live in one place.
/// </summary>
/// <remarks>Site administrators may read and moderate every group, as Discourse and HumHub admins can.</remarks>
public sealed record GroupAccess(Group Group, GroupViewer Viewer, GroupRole? Role, bool IsBanned)
{
    public bool IsMember => Role is not null;

    public bool IsOwner => Role == GroupRole.Owner;

    /// <summary>May learn that the group exists: its name, summary and description. Otherwise it answers 404.</summary>
    public bool CanSee => Group.IsListed || IsMember || Viewer.IsAdministrator;

    /// <summary>May read its content (threads, chat, library, events, members).</summary>
    public bool CanRead => Viewer.IsSignedIn
        && (IsMember || Viewer.IsAdministrator || (Group.Visibility == GroupVisibility.Public && !IsBanned));

    /// <summary>May post, reply, react and chat: members only.</summary>
    public bool CanParticipate => IsMember;

    /// <summary>May approve requests, invite, remove, ban, pin, lock and hide.</summary>
    public bool CanModerate => Role >= GroupRole.Moderator || Viewer.IsAdministrator;

    /// <summary>May join right now with one click.</summary>
    public bool CanJoinDirectly => Viewer.IsSignedIn && !IsMember && !IsBanned && CanSee && Group.JoinPolicy == GroupJoinPolicy.Open;

    /// <summary>May ask to join with a message.</summary>
    public bool CanRequestToJoin => Viewer.IsSignedIn && !IsMember && !IsBanned && CanSee && Group.JoinPolicy == GroupJoinPolicy.Request;

    /// <summary>May promote and demote: owners manage moderators and owners (site administrators as owners).</summary>
    public bool CanManageRoles => IsOwner || Viewer.IsAdministrator;

    /// <summary>May change who can see and join the group: owners only.</summary>
    public bool CanChangeAccess => IsOwner || Viewer.IsAdministrator;

    /// <summary>May remove or ban someone in <paramref name="target"/>'s role: owners anyone, moderators plain members.</summary>
    public bool CanRemove(GroupRole target) =>
        CanManageRoles || (Role == GroupRole.Moderator && target == GroupRole.Member);
}
