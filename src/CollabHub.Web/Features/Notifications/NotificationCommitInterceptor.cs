using System.Data.Common;
using System.Runtime.CompilerServices;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// Where <see cref="INotifier.Add"/>'s staged rows meet mail and the bell, whichever feature's context saves them:
/// before saving, the "as it happens" mails are queued in the same context (so in the same transaction); after the
/// commit (not before: a rolled-back change must not ring anyone's bell), each recipient's <c>user:{id}</c> topic gets
/// <see cref="NotificationsChanged"/>. Works like <see cref="OutboxSignalInterceptor"/>.
/// </summary>
public sealed class NotificationCommitInterceptor(NotificationMailStaging staging, ILiveEvents live, OutboxSignal outboxSignal)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Recipients per context, waiting for the context's transaction to commit. Weak, so an abandoned context leaks nothing.
    private readonly ConditionalWeakTable<DbContext, Pending> awaitingCommit = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Identity and a few admin paths save synchronously; they never add notifications, so this rarely does I/O.
        StageAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StageAsync(eventData.Context, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PublishIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        PublishIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task StageAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var added = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var mailed = await staging.StageAsync(db, added, cancellationToken);
        var pending = awaitingCommit.GetOrCreateValue(db);
        lock (pending)
        {
            pending.Recipients.UnionWith(added.Select(n => n.RecipientId));
            pending.Mailed |= mailed > 0;
        }
    }

    private void PublishIfCommitted(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Publish(context);
        }
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !awaitingCommit.TryGetValue(context, out var pending))
        {
            return;
        }

        awaitingCommit.Remove(context);
        if (pending.Mailed)
        {
            outboxSignal.Notify();
        }

        foreach (var recipient in pending.Recipients)
        {
            // The in-process broadcaster only enqueues; a scale-out one is asynchronous, and nothing waits for it here.
            _ = live.PublishAsync(LiveTopics.User(recipient), new NotificationsChanged(recipient)).AsTask();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            awaitingCommit.Remove(context);
        }
    }

    private sealed class Pending
    {
        public HashSet<string> Recipients { get; } = new(StringComparer.Ordinal);

        public bool Mailed { get; set; }
    }
}
