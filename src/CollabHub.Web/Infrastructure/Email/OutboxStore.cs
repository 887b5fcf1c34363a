using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// The dispatcher's database side. Every state change after the claim is conditional on the row still being
/// <c>sending</c> under this dispatcher's lease, so a dispatcher that lost its lease cannot overwrite the outcome
/// recorded by the one that took the row over.
/// </summary>
public sealed class OutboxStore(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due rows in one statement (its own short transaction): due pending rows
    /// and sending rows whose lease expired. <c>FOR UPDATE SKIP LOCKED</c> means two dispatchers never claim the same
    /// row: each skips what the other is claiming, and a row claimed a moment ago no longer matches.
    /// <para>
    /// A row past its expiry is never claimed, only dead-lettered (<see cref="ExpireAsync"/>): one committed or handed
    /// back after this round's expiry pass, but before its claim, would otherwise be sent late.
    /// </para>
    /// </summary>
    public async Task<IReadOnlyList<OutboxEmail>> ClaimAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.OutboxEmails.FromSql($"""
            UPDATE outbox_email AS o
            SET status = 'sending', locked_until = {leaseUntil}
            WHERE o.id IN (
                SELECT id FROM outbox_email
                WHERE ((status = 'pending' AND next_attempt_at <= {now})
                       OR (status = 'sending' AND locked_until <= {now}))
                  AND expires_at > {now}
                ORDER BY next_attempt_at, id
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING o.*
            """).AsNoTracking().ToListAsync(cancellationToken);
        await LoadAttachmentsAsync(db, claimed, cancellationToken);
        return [.. claimed.OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)];
    }

    /// <summary>The claim is one UPDATE ... RETURNING, which can't join; the few attachments follow in one query.</summary>
    private static async Task LoadAttachmentsAsync(AppDbContext db, List<OutboxEmail> claimed, CancellationToken cancellationToken)
    {
        var ids = claimed.Select(e => e.Id).ToList();
        var attachments = await db.OutboxEmailAttachments.AsNoTracking()
            .Where(a => ids.Contains(a.OutboxEmailId))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        foreach (var email in claimed)
        {
            email.Attachments = [.. attachments.Where(a => a.OutboxEmailId == email.Id)];
        }
    }

    /// <summary>Dead-letters unsent rows past their expiry (and not held under a live lease); returns how many.</summary>
    public async Task<int> ExpireAsync(DateTimeOffset now, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxEmails
            .Where(e => e.ExpiresAt <= now
                && (e.Status == OutboxEmailStatus.Pending || (e.Status == OutboxEmailStatus.Sending && e.LockedUntil <= now)))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(e => e.Status, OutboxEmailStatus.Dead)
                    .SetProperty(e => e.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(e => e.LastError, e => e.LastError == null ? reason : reason + " Last error: " + e.LastError),
                cancellationToken);
    }

    public Task<bool> MarkSentAsync(OutboxEmail claimed, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, cancellationToken, set => set
            .SetProperty(e => e.Status, OutboxEmailStatus.Sent)
            .SetProperty(e => e.SentAt, now)
            .SetProperty(e => e.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(e => e.Attempts, e => e.Attempts + 1)
            .SetProperty(e => e.LastError, (string?)null));

    public Task<bool> MarkRetryAsync(OutboxEmail claimed, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, cancellationToken, set => set
            .SetProperty(e => e.Status, OutboxEmailStatus.Pending)
            .SetProperty(e => e.NextAttemptAt, nextAttemptAt)
            .SetProperty(e => e.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(e => e.Attempts, e => e.Attempts + 1)
            .SetProperty(e => e.LastError, Truncate(error)));

    public Task<bool> MarkDeadAsync(OutboxEmail claimed, string error, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, cancellationToken, set => set
            .SetProperty(e => e.Status, OutboxEmailStatus.Dead)
            .SetProperty(e => e.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(e => e.Attempts, e => e.Attempts + 1)
            .SetProperty(e => e.LastError, Truncate(error)));

    /// <summary>Hands an unsent claimed row back untouched (shutdown, or the lease running short).</summary>
    public Task<bool> ReleaseAsync(OutboxEmail claimed, CancellationToken cancellationToken) =>
        UpdateClaimedAsync(claimed, cancellationToken, set => set
            .SetProperty(e => e.Status, OutboxEmailStatus.Pending)
            .SetProperty(e => e.LockedUntil, (DateTimeOffset?)null));

    private async Task<bool> UpdateClaimedAsync(
        OutboxEmail claimed,
        CancellationToken cancellationToken,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxEmail>> setters)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lease = claimed.LockedUntil;
        var updated = await db.OutboxEmails
            .Where(e => e.Id == claimed.Id && e.Status == OutboxEmailStatus.Sending && e.LockedUntil == lease)
            .ExecuteUpdateAsync(setters, cancellationToken);
        return updated == 1;
    }

    internal static string Truncate(string error) =>
        error.Length <= OutboxEmail.ErrorMaxLength ? error : error[..(OutboxEmail.ErrorMaxLength - 1)] + "…";
}
