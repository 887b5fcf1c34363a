using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// Queues the "as it happens" mails for notifications about to be saved, in the same context, so they commit with the
/// notifications (and with the change that caused them) or not at all. Respects each member's choice, never mails a
/// suspended or unconfirmed account, re-checks the group, and holds back a second mail about the same thread while the
/// member has not yet seen the first (the mail would only repeat it).
/// </summary>
public sealed class NotificationMailStaging(NotificationMailer mailer, IEmailOutbox outbox, TimeProvider clock)
{
    /// <summary>An unread notification this recent on the same target means the member has been told already.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromHours(12);

    /// <summary>Returns how many mails were queued.</summary>
    public async Task<int> StageAsync(AppDbContext db, IReadOnlyList<Notification> added, CancellationToken cancellationToken)
    {
        var candidates = added.Where(n => !NotificationKinds.IsMailedByItsFeature(n.Kind)).ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var recipientIds = candidates.Select(n => n.RecipientId).Distinct(StringComparer.Ordinal).ToList();
        var preferences = await NotificationQueries.PreferencesAsync(db, recipientIds, cancellationToken);
        var mailable = await NotificationQueries.Mailable(db, recipientIds).ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, cancellationToken);
        var actorIds = candidates.Where(n => n.ActorId is not null).Select(n => n.ActorId!).Distinct(StringComparer.Ordinal).ToList();
        var actors = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);

        var since = clock.GetUtcNow() - QuietPeriod;
        var told = new HashSet<(string, NotificationKind, string)>();
        var queued = 0;
        foreach (var notification in candidates.OrderBy(n => n.CreatedAt))
        {
            if (!mailable.TryGetValue(notification.RecipientId, out var recipient)
                || NotificationQueries.DeliveryFor(preferences, recipient.Id, notification.Kind) != EmailDelivery.Immediately
                || !told.Add((recipient.Id, notification.Kind, notification.Subject))
                || await AlreadyToldAsync(db, notification, since, cancellationToken)
                || !await StillReadableAsync(db, notification, cancellationToken))
            {
                continue;
            }

            var actorName = notification.ActorId is { } actorId ? actors.GetValueOrDefault(actorId) : null;
            outbox.Enqueue(db, new EmailRecipient(recipient.Email, recipient.DisplayName), mailer.Immediate(notification, recipient.DisplayName, actorName));
            queued++;
        }

        return queued;
    }

    private static Task<bool> AlreadyToldAsync(AppDbContext db, Notification notification, DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Notifications.AsNoTracking().AnyAsync(
            n => n.RecipientId == notification.RecipientId && n.Kind == notification.Kind && n.Subject == notification.Subject
                && n.ReadAt == null && n.CreatedAt >= since && n.Id != notification.Id,
            cancellationToken);

    private static async Task<bool> StillReadableAsync(AppDbContext db, Notification notification, CancellationToken cancellationToken)
    {
        if (notification.GroupId is not { } groupId)
        {
            return true;
        }

        var viewer = await NotificationQueries.ViewerAsync(db, notification.RecipientId, cancellationToken);
        return await db.Groups.Where(g => g.Id == groupId).ReadableBy(db, viewer).AnyAsync(cancellationToken);
    }
}
