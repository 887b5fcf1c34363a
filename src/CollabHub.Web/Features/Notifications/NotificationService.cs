using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// A member's notifications: the bell's count, the page, marking read. Everything goes through
/// <see cref="NotificationQueries.VisibleTo"/>, so what the member may no longer read is neither listed nor counted,
/// and unread notifications of one kind on one target count and show as one.
/// </summary>
public sealed partial class NotificationService(IDbContextFactory<AppDbContext> contexts, ILiveEvents live, TimeProvider clock)
{
    public const int PageSize = 30;

    /// <summary>Unread items (collapsed) for the bell.</summary>
    public async Task<int> CountUnreadAsync(GroupViewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CountUnreadAsync(db, viewer, cancellationToken);
    }

    public async Task<NotificationList> ListAsync(GroupViewer viewer, int page, bool unreadOnly = false, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        var userId = viewer.UserId ?? throw new UnauthorizedAccessException("Sign in to see your notifications.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = db.Notifications.AsNoTracking().VisibleTo(db, viewer);
        if (unreadOnly)
        {
            visible = visible.Where(n => n.ReadAt == null);
        }

        var items = Collapsed(visible);
        var total = await items.CountAsync(cancellationToken);
        var totalPages = Paging.PageCount(total, pageSize);
        page = Paging.Within(page, total, pageSize);
        var keys = await items.OrderByDescending(i => i.Latest).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var list = await ItemsAsync(db, visible, keys, cancellationToken);

        return new NotificationList(list, page, totalPages, await CountUnreadAsync(db, viewer, cancellationToken), await MemberTimeZones.OfMemberAsync(db, userId, cancellationToken));
    }

    /// <summary>
    /// The newest unread items (collapsed) for the home page: two compiled statements (<see cref="LatestUnreadKeysQuery"/>,
    /// <see cref="LatestUnreadRowsQuery"/>), where the page's list also counts pages, unread items and reads the time zone (five).
    /// </summary>
    public async Task<IReadOnlyList<NotificationItem>> LatestUnreadAsync(GroupViewer viewer, int count, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await LatestUnreadKeysQuery(db, userId, viewer.IsAdministrator, count).ToListAsync(cancellationToken);
        if (keys.Count == 0)
        {
            return [];
        }

        DateTimeOffset[] times = [.. keys.Select(k => k.Latest).Distinct()];
        return Match(keys, await LatestUnreadRowsQuery(db, userId, viewer.IsAdministrator, times).ToListAsync(cancellationToken));
    }

    /// <summary>Unread ones collapse by (kind, target); a read one stands alone (its own id is the key).</summary>
    private static IQueryable<CollapsedKey> Collapsed(IQueryable<Notification> visible) =>
        visible.Provider.CreateQuery<CollapsedKey>(QueryRule.Inline<Func<IQueryable<CollapsedKey>>>(() => CollapsedRule.Apply(visible)).Body);

    /// <summary>Each collapsed key's latest notification, with its actor's name, in the keys' order.</summary>
    private static async Task<List<NotificationItem>> ItemsAsync(
        AppDbContext db, IQueryable<Notification> visible, List<CollapsedKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var times = keys.Select(k => k.Latest).Distinct().ToList();
        var candidates = visible.Where(n => times.Contains(n.CreatedAt));
        var rows = await candidates.Provider.CreateQuery<ActorRow>(
                QueryRule.Inline<Func<IQueryable<ActorRow>>>(() => WithActors.Apply(db, candidates)).Body)
            .ToListAsync(cancellationToken);
        return Match(keys, rows);
    }

    private static List<NotificationItem> Match(List<CollapsedKey> keys, List<ActorRow> rows) =>
        keys.Select(k =>
        {
            var row = rows.First(r => k.Single is { } id
                ? r.Notification.Id == id
                : r.Notification.Kind == k.Kind && r.Notification.Subject == k.Subject && r.Notification.ReadAt == null && r.Notification.CreatedAt == k.Latest);
            var n = row.Notification;
            return new NotificationItem(n.Id, n.Kind, n.ActorId, row.ActorName, n.Title, n.Excerpt, n.CreatedAt, n.ReadAt is null, k.Count);
        }).ToList();

    /// <summary>
    /// Marks the notification (and the unread ones collapsed with it) read and returns where it points; null when the
    /// member has no such notification or may no longer see what it is about.
    /// </summary>
    public async Task<string?> OpenAsync(GroupViewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var target = await db.Notifications.AsNoTracking().VisibleTo(db, viewer)
            .Where(n => n.Id == id).Select(n => new { n.Kind, n.Subject, n.Url }).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var changed = await db.Notifications
            .Where(n => n.RecipientId == viewer.UserId && n.ReadAt == null && ((n.Kind == target.Kind && n.Subject == target.Subject) || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        await ChangedAsync(viewer, changed);
        return target.Url;
    }

    public async Task<bool> MarkReadAsync(GroupViewer viewer, Guid id, CancellationToken cancellationToken = default) =>
        await OpenAsync(viewer, id, cancellationToken) is not null;

    public async Task<int> MarkAllReadAsync(GroupViewer viewer, CancellationToken cancellationToken = default)
    {
        var userId = viewer.UserId ?? throw new UnauthorizedAccessException("Sign in to see your notifications.");
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        await ChangedAsync(viewer, changed);
        return changed;
    }

    private static Task<int> CountUnreadAsync(AppDbContext db, GroupViewer viewer, CancellationToken cancellationToken) =>
        NotificationQueries.UnreadKeys(db, viewer).CountAsync(cancellationToken);

    /// <summary>Other tabs' bells recount.</summary>
    private async Task ChangedAsync(GroupViewer viewer, int changed)
    {
        if (changed > 0)
        {
            await live.PublishAsync(LiveTopics.User(viewer.UserId!), new NotificationsChanged(viewer.UserId!));
        }
    }
}
