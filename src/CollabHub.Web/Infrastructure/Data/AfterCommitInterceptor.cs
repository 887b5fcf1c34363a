using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>
/// Does something once a context's changes are committed: right after SaveChanges when it ran in its own transaction,
/// or when the caller's explicit transaction commits. Acting earlier would tell others about rows they can't see yet; a
/// failed save or a rolled-back transaction forgets what was remembered. Subclasses say what to remember while saving
/// (<see cref="SavingAsync"/>) and what to do after commit (<see cref="Committed"/>).
/// </summary>
public abstract class AfterCommitInterceptor<TPending> : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TPending : class
{
    // What each context waits to do after commit. Weak, so an abandoned context leaks nothing.
    private readonly ConditionalWeakTable<DbContext, TPending> awaitingCommit = [];

    /// <summary>
    /// Called before each save with what the context already waits for (from earlier saves in its transaction);
    /// returns what to wait for now, or null for nothing. May stage more rows in <paramref name="context"/>.
    /// </summary>
    protected abstract ValueTask<TPending?> SavingAsync(DbContext context, TPending? pending, CancellationToken cancellationToken);

    /// <summary>Called once per committed transaction (or transaction-less save) that left something pending.</summary>
    protected abstract void Committed(TPending pending);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Synchronous saves (Identity's few) stage nothing that needs I/O in practice; blocking here is the sync API's price.
        TrackAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await TrackAsync(eventData.Context, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommitIfNoTransaction(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommitIfNoTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async ValueTask TrackAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            // Only an open transaction carries something over from an earlier save; anything else was left by a
            // transaction disposed without commit or rollback, on a context the pool has since handed out again.
            awaitingCommit.Remove(context);
        }

        awaitingCommit.TryGetValue(context, out var existing);
        if (await SavingAsync(context, existing, cancellationToken) is { } pending)
        {
            awaitingCommit.AddOrUpdate(context, pending);
        }
    }

    private void CommitIfNoTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            AfterCommit(context);
        }
    }

    private void AfterCommit(DbContext? context)
    {
        if (context is not null && awaitingCommit.TryGetValue(context, out var pending) && awaitingCommit.Remove(context))
        {
            Committed(pending);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            awaitingCommit.Remove(context);
        }
    }
}
