using System.Linq.Expressions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// The re-check every reader of notifications goes through (page, bell, mail, digest): a notification about a group's
/// content is shown only while the recipient may still read that group (<see cref="GroupQueries.ReadableBy"/>).
/// </summary>
public static class NotificationQueries
{
    /// <summary>
    /// Whether the viewer (their id and whether they administer the site) may see a notification: theirs, and about a
    /// group only while they may read it (<see cref="GroupQueries.Readable"/>). The one copy of the rule, over the
    /// viewer's values so a compiled query can pass them as parameters (through <see cref="QueryRule"/>).
    /// </summary>
    public static readonly Expression<Func<AppDbContext, Notification, string?, bool, bool>> Visible =
        QueryRule.Inline<Func<AppDbContext, Notification, string?, bool, bool>>((db, n, userId, isAdministrator) =>
            n.RecipientId == userId
            && (n.GroupId == null || db.Groups.Any(g => g.Id == n.GroupId && GroupQueries.Readable.Apply(db, g, userId, isAdministrator))));

    /// <summary>The notifications the viewer may see (<see cref="Visible"/>).</summary>
    public static IQueryable<Notification> VisibleTo(this IQueryable<Notification> notifications, AppDbContext db, GroupViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var userId = viewer.UserId;
        var isAdministrator = viewer.IsAdministrator;
        return notifications.Where(QueryRule.Inline<Func<Notification, bool>>(n => Visible.Apply(db, n, userId, isAdministrator)));
    }

    /// <summary>
    /// What the bell counts: the viewer's unread notifications they may still read, one per kind and subject (a thread's
    /// five replies are one item), as the list collapses them.
    /// </summary>
    public static IQueryable<NotificationUnreadKey> UnreadKeys(AppDbContext db, GroupViewer viewer) =>
        db.Notifications.AsNoTracking().VisibleTo(db, viewer).Where(n => n.ReadAt == null)
            .Select(n => new NotificationUnreadKey { Kind = n.Kind, Subject = n.Subject }).Distinct();

    /// <summary>The member as groups see them, from the database (no cookie when mailing): administrators read every group.</summary>
    public static async Task<GroupViewer> ViewerAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var isAdministrator = await db.UserRoles.AnyAsync(
            ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == SiteRoles.Administrator), cancellationToken);
        return new GroupViewer(userId, isAdministrator);
    }

    /// <summary>Each member's chosen deliveries (kinds without a row take their default).</summary>
    public static async Task<ILookup<string, NotificationPreference>> PreferencesAsync(
        AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        (await db.NotificationPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToListAsync(cancellationToken))
        .ToLookup(p => p.UserId, StringComparer.Ordinal);

    public static EmailDelivery DeliveryFor(ILookup<string, NotificationPreference> preferences, string userId, NotificationKind kind) =>
        NotificationKinds.Effective(kind, preferences[userId].FirstOrDefault(p => p.Kind == kind)?.Delivery);

    /// <summary>Who may receive notification mail: confirmed, not suspended, with an address.</summary>
    public static IQueryable<MailableMember> Mailable(AppDbContext db, IReadOnlyCollection<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.EmailConfirmed && u.SuspendedAt == null && u.Email != null)
            .Select(u => new MailableMember(u.Id, u.Email!, u.DisplayName));
    }
}
