using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// Where <see cref="INotifier.Add"/>'s staged rows meet mail and the bell, whichever feature's context saves them:
/// before saving, the "as it happens" mails are queued in the same context (so in the same transaction); after the
/// commit (not before: a rolled-back change must not ring anyone's bell), each recipient's <c>user:{id}</c> topic gets
/// <see cref="NotificationsChanged"/>.
/// </summary>
internal sealed class NotificationCommitInterceptor(NotificationMailStaging staging, ILiveEvents live, OutboxSignal outboxSignal)
    : AfterCommitInterceptor<NotificationCommitInterceptor.Pending>
{
    protected override async ValueTask<Pending?> SavingAsync(DbContext context, Pending? pending, CancellationToken cancellationToken)
    {
        if (context is not AppDbContext db)
        {
            return pending;
        }

        var added = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return pending;
        }

        var mailed = await staging.StageAsync(db, added, cancellationToken);
        pending ??= new Pending();
        pending.Recipients.UnionWith(added.Select(n => n.RecipientId));
        // This interceptor may run after the outbox's own, which then saw none of these mails: wake the dispatcher here.
        pending.Mailed |= mailed > 0;
        return pending;
    }

    protected override void Committed(Pending pending)
    {
        if (pending.Mailed)
        {
            outboxSignal.Notify();
        }

        foreach (var recipient in pending.Recipients)
        {
            // The in-process broadcaster only enqueues; nothing here waits for a subscriber.
            _ = live.PublishAsync(LiveTopics.User(recipient), new NotificationsChanged(recipient)).AsTask();
        }
    }

    /// <summary>Recipients of a context's saved notifications, and whether mail was queued for them.</summary>
    internal sealed class Pending
    {
        public HashSet<string> Recipients { get; } = new(StringComparer.Ordinal);

        public bool Mailed { get; set; }
    }
}
