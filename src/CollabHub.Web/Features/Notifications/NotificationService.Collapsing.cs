using System.Linq.Expressions;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// How notifications collapse and find their actors, written once as expressions (<see cref="QueryRule"/>) so the page's
/// ad-hoc queries and the home page's compiled ones share them. All in this one file: static fields initialise in the
/// order they are written only within one part of a partial class, and the compiled queries read the rules.
/// </summary>
public sealed partial class NotificationService
{
    /// <summary>Unread ones collapse by (kind, target); a read one stands alone (its own id is the key).</summary>
    private static readonly Expression<Func<IQueryable<Notification>, IQueryable<CollapsedKey>>> CollapsedRule =
        visible => visible
            .GroupBy(n => new { n.Kind, n.Subject, Single = n.ReadAt == null ? (Guid?)null : n.Id })
            .Select(g => new CollapsedKey { Kind = g.Key.Kind, Subject = g.Key.Subject, Single = g.Key.Single, Latest = g.Max(n => n.CreatedAt), Count = g.Count() });

    /// <summary>Each notification with its actor's name (none for the system's own).</summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<Notification>, IQueryable<ActorRow>>> WithActors =
        (db, notifications) =>
            from n in notifications
            join u in db.Users on n.ActorId equals u.Id into actors
            from u in actors.DefaultIfEmpty()
            select new ActorRow { Notification = n, ActorName = u == null ? null : u.DisplayName };

    /// <summary>
    /// The home page's newest collapsed unread keys, compiled: with the notification rule inlined, EF walked and hashed
    /// this expression tree on every signed-in home page (the section was about a tenth of its CPU in a profile).
    /// </summary>
    private static readonly Func<AppDbContext, string, bool, int, IAsyncEnumerable<CollapsedKey>> LatestUnreadKeysQuery =
        EF.CompileAsyncQuery(QueryRule.Inline<Func<AppDbContext, string, bool, int, IQueryable<CollapsedKey>>>(
            (db, userId, isAdministrator, count) => CollapsedRule
                .Apply(db.Notifications.AsNoTracking().Where(n => n.ReadAt == null && NotificationQueries.Visible.Apply(db, n, userId, isAdministrator)))
                .OrderByDescending(k => k.Latest)
                .Take(count)));

    /// <summary>The unread notifications those keys may point at (by their latest times), with their actors, compiled.</summary>
    private static readonly Func<AppDbContext, string, bool, DateTimeOffset[], IAsyncEnumerable<ActorRow>> LatestUnreadRowsQuery =
        EF.CompileAsyncQuery(QueryRule.Inline<Func<AppDbContext, string, bool, DateTimeOffset[], IQueryable<ActorRow>>>(
            (db, userId, isAdministrator, times) => WithActors.Apply(db, db.Notifications.AsNoTracking()
                .Where(n => n.ReadAt == null && NotificationQueries.Visible.Apply(db, n, userId, isAdministrator) && times.Contains(n.CreatedAt)))));

    private sealed class CollapsedKey
    {
        public NotificationKind Kind { get; init; }

        public string Subject { get; init; } = "";

        public Guid? Single { get; init; }

        public DateTimeOffset Latest { get; init; }

        public int Count { get; init; }
    }

    private sealed class ActorRow
    {
        public Notification Notification { get; init; } = default!;

        public string? ActorName { get; init; }
    }
}
