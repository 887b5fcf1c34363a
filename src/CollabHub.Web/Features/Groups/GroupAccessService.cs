using System.Linq.Expressions;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>Loads a group together with what the viewer may do in it.</summary>
public sealed class GroupAccessService(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>The group and the viewer's access; null when there is no such group or the viewer may not know of it.</summary>
    public async Task<GroupAccess?> FindAsync(string slug, GroupViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, g => g.Slug == slug, viewer, cancellationToken);
    }

    public async Task<GroupAccess?> FindAsync(Guid groupId, GroupViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, g => g.Id == groupId, viewer, cancellationToken);
    }

    /// <summary>
    /// The same decision inside another operation's context (and transaction), so a check and the change it guards
    /// see the same rows. The group is tracked by <paramref name="db"/>.
    /// </summary>
    public static async Task<GroupAccess?> LoadAsync(
        AppDbContext db, Expression<Func<Group, bool>> match, GroupViewer viewer, CancellationToken cancellationToken)
    {
        var access = await LoadEvenIfUnseenAsync(db, match, viewer, cancellationToken);
        return access?.CanSee == true ? access : null;
    }

    /// <summary>
    /// The group and the standing of each of <paramref name="userIds"/> in it (role, ban), in three statements however
    /// many they are (one when there are none), for deciding a crowd inside one transaction (see
    /// <see cref="GroupStandings.For"/>); null when there is no such group.
    /// </summary>
    internal static Task<GroupStandings?> LoadStandingsAsync(
        AppDbContext db, Guid groupId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        LoadStandingsAsync(db, g => g.Id == groupId, userIds, cancellationToken);

    /// <summary>
    /// The decision without hiding the group: only for the holder of a valid invitation, who may learn of a hidden
    /// group. Everything else goes through <see cref="LoadAsync"/>.
    /// </summary>
    internal static async Task<GroupAccess?> LoadEvenIfUnseenAsync(
        AppDbContext db, Expression<Func<Group, bool>> match, GroupViewer viewer, CancellationToken cancellationToken) =>
        (await LoadStandingsAsync(db, match, viewer.UserId is { } userId ? [userId] : [], cancellationToken))?.For(viewer);

    private static async Task<GroupStandings?> LoadStandingsAsync(
        AppDbContext db, Expression<Func<Group, bool>> match, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var group = await db.Groups.SingleOrDefaultAsync(match, cancellationToken);
        if (group is null)
        {
            return null;
        }

        if (userIds.Count == 0)
        {
            return new GroupStandings(group, new HashSet<string>(), new Dictionary<string, GroupRole>(), new HashSet<string>());
        }

        var roles = await db.GroupMemberships.Where(m => m.GroupId == group.Id && userIds.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, m => m.Role, StringComparer.Ordinal, cancellationToken);
        var banned = await db.GroupBans.Where(b => b.GroupId == group.Id && userIds.Contains(b.UserId))
            .Select(b => b.UserId).ToListAsync(cancellationToken);
        return new GroupStandings(group, userIds.ToHashSet(StringComparer.Ordinal), roles, banned.ToHashSet(StringComparer.Ordinal));
    }
}
