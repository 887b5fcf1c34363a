namespace CollabHub.Web.Features.Groups;

/// <summary>
/// One group and where each of a known set of people stands in it (role, ban), read together so that many people's
/// access can be decided inside one transaction without a round trip each. The decision itself stays
/// <see cref="GroupAccess"/>'s.
/// </summary>
public sealed class GroupStandings(Group group, IReadOnlySet<string> loaded, IReadOnlyDictionary<string, GroupRole> roles, IReadOnlySet<string> banned)
{
    public Group Group { get; } = group;

    /// <summary>
    /// <paramref name="viewer"/>'s access, or null when their standing was not among those loaded (ask
    /// <see cref="GroupAccessService.LoadEvenIfUnseenAsync"/> instead). A visitor has no standing to load.
    /// </summary>
    public GroupAccess? For(GroupViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.UserId is not { } userId)
        {
            return new GroupAccess(Group, viewer, null, false);
        }

        return loaded.Contains(userId)
            ? new GroupAccess(Group, viewer, roles.TryGetValue(userId, out var role) ? role : null, banned.Contains(userId))
            : null;
    }
}
