using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Home;

/// <summary>
/// "What's new for me" on the home page. Only the member's own groups feed it (membership is the access rule here,
/// so nothing from a group they left or may not read appears), each query is small and indexed, and one short-lived
/// context serves one section so the sections stream independently.
/// </summary>
/// <remarks>
/// The three queries are compiled once (<c>EF.CompileAsyncQuery</c>):
/// a CPU profile of the member home page put 15% of its request time in EF walking and hashing each query's expression
/// tree on every execution (parameter extraction and the query cache's lookup), which a compiled query does once.
/// </remarks>
public sealed class HomeService(IDbContextFactory<AppDbContext> contexts, IPresenceStore presence)
{
    private static readonly Func<AppDbContext, string, int, IAsyncEnumerable<HomeThread>> RecentThreadsQuery =
        EF.CompileAsyncQuery((AppDbContext db, string userId, int limit) => (
                from t in db.DiscussionThreads.AsNoTracking()
                join g in db.Groups on t.GroupId equals g.Id
                where t.RemovedAt == null && db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId)
                orderby t.LastActivityAt descending
                select new HomeThread(t.Id, t.Title, g.Slug, g.Name, t.PostCount, t.LastActivityAt))
            .Take(limit));

    private static readonly Func<AppDbContext, string, IAsyncEnumerable<HomePendingWork>> PendingWorkQuery =
        EF.CompileAsyncQuery((AppDbContext db, string userId) =>
            from m in db.GroupMemberships.AsNoTracking()
            join g in db.Groups on m.GroupId equals g.Id
            where m.UserId == userId && m.Role >= GroupRole.Moderator
            select new HomePendingWork(
                g.Slug,
                g.Name,
                db.GroupJoinRequests.Count(r => r.GroupId == g.Id && r.Status == GroupJoinRequestStatus.Pending),
                (from f in db.DiscussionFlags
                 join p in db.DiscussionPosts on f.PostId equals p.Id
                 join t in db.DiscussionThreads on p.ThreadId equals t.Id
                 where t.GroupId == g.Id && f.Status == FlagStatus.Open
                 select f.Id).Count()));

    private static readonly Func<AppDbContext, string[], string, int, IAsyncEnumerable<HomeColleague>> OnlineColleaguesQuery =
        EF.CompileAsyncQuery((AppDbContext db, string[] connected, string userId, int limit) => db.Users.AsNoTracking()
            .Where(u => connected.Contains(u.Id) && u.SuspendedAt == null)
            .Where(u => db.GroupMemberships.Any(theirs => theirs.UserId == u.Id
                && db.GroupMemberships.Any(mine => mine.UserId == userId && mine.GroupId == theirs.GroupId)))
            .OrderBy(u => u.DisplayName)
            .ThenBy(u => u.Id)
            .Take(limit)
            .Select(u => new HomeColleague(u.Id, u.DisplayName)));

    /// <summary>Threads in the member's groups with the latest activity first (removed threads left out).</summary>
    public async Task<IReadOnlyList<HomeThread>> RecentThreadsAsync(GroupViewer viewer, int limit = 8, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RecentThreadsQuery(db, userId, limit).ToListAsync(cancellationToken);
    }

    /// <summary>Join requests and open flags in the groups the member moderates (owners included), busiest first.</summary>
    public async Task<IReadOnlyList<HomePendingWork>> PendingWorkAsync(GroupViewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var work = await PendingWorkQuery(db, userId).ToListAsync(cancellationToken);
        return work.Where(w => w.JoinRequests + w.OpenFlags > 0).OrderByDescending(w => w.JoinRequests + w.OpenFlags).ToList();
    }

    /// <summary>
    /// Colleagues from the member's groups who are online or idle now, by name: who is connected comes from presence
    /// (in memory), which of them share a group with the member and their names from the database.
    /// </summary>
    /// <remarks>
    /// It read up to 2,000 of the member's colleagues in no particular order and kept those connected, so in large
    /// groups someone online could be missed, and which ones depended on the plan.
    /// </remarks>
    public async Task<IReadOnlyList<HomeColleague>> OnlineColleaguesAsync(GroupViewer viewer, int limit = 12, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return [];
        }

        string[] connected = [.. presence.Connected().Where(id => id != userId)];
        if (connected.Length == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OnlineColleaguesQuery(db, connected, userId, limit).ToListAsync(cancellationToken);
    }
}
