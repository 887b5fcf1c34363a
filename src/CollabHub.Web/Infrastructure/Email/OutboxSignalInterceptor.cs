using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// Signals the dispatcher after mail is committed (see <see cref="AfterCommitInterceptor{TPending}"/>): signalling
/// earlier would wake the dispatcher before the rows are visible to it; a rolled-back transaction signals nothing.
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : AfterCommitInterceptor<object>
{
    private static readonly object MailQueued = new();

    protected override ValueTask<object?> SavingAsync(DbContext context, object? pending, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.ChangeTracker.Entries<OutboxEmail>().Any(e => e.State == EntityState.Added) ? MailQueued : pending);

    protected override void Committed(object pending) => signal.Notify();
}
