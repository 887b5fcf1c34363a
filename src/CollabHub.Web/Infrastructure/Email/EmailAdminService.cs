using System.Security.Claims;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// What administrators see of the outbox: health, dead letters (with retry), and the sent mail itself for /dev/mail.
/// Every method checks the caller is an administrator, whatever page calls it.
/// </summary>
public sealed class EmailAdminService(
    IDbContextFactory<AppDbContext> contexts,
    IMailTransport transport,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<OutboxHealth> GetHealthAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        DemandAdministrator(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.OutboxEmails
            .GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var oldest = await db.OutboxEmails
            .Where(e => e.Status == OutboxEmailStatus.Pending || e.Status == OutboxEmailStatus.Sending)
            .MinAsync(e => (DateTimeOffset?)e.CreatedAt, cancellationToken);
        return new OutboxHealth(
            counts.GetValueOrDefault(OutboxEmailStatus.Pending),
            counts.GetValueOrDefault(OutboxEmailStatus.Sending),
            counts.GetValueOrDefault(OutboxEmailStatus.Sent),
            counts.GetValueOrDefault(OutboxEmailStatus.Dead),
            oldest is { } created ? clock.GetUtcNow() - created : null,
            transport.Description);
    }

    public Task<OutboxPage> ListDeadAsync(ClaimsPrincipal user, int page, CancellationToken cancellationToken = default)
    {
        DemandAdministrator(user);
        return ListAsync(OutboxEmailStatus.Dead, page, cancellationToken);
    }

    public Task<OutboxPage> ListRecentAsync(ClaimsPrincipal user, int page, CancellationToken cancellationToken = default)
    {
        DemandAdministrator(user);
        return ListAsync(null, page, cancellationToken);
    }

    /// <summary>The whole row, bodies included, for reading a mail at /dev/mail.</summary>
    public async Task<OutboxEmail?> FindAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        DemandAdministrator(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxEmails.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>
    /// Puts a dead letter back in the queue, due now, with a fresh maximum age (else an old one would expire again at
    /// once). False when the row is gone or no longer dead (someone else retried it first).
    /// </summary>
    public async Task<bool> RetryAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        DemandAdministrator(user);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.OutboxEmails
            .Where(e => e.Id == id && e.Status == OutboxEmailStatus.Dead)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(e => e.Status, OutboxEmailStatus.Pending)
                    .SetProperty(e => e.NextAttemptAt, now)
                    .SetProperty(e => e.ExpiresAt, now + options.Value.Dispatcher.MaxAge),
                cancellationToken);
        if (updated == 1)
        {
            signal.Notify();
        }

        return updated == 1;
    }

    private async Task<OutboxPage> ListAsync(OutboxEmailStatus? status, int page, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.OutboxEmails.AsNoTracking();
        if (status is { } only)
        {
            query = query.Where(e => e.Status == only);
        }

        var total = await query.CountAsync(cancellationToken);
        page = Paging.Within(page, total, PageSize);
        var items = await query
            .OrderByDescending(e => e.CreatedAt)
            .ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(e => new OutboxEmailSummary(e.Id, e.ToAddress, e.ToName, e.Subject, e.CreatedAt, e.Status, e.Attempts, e.SentAt, e.LastError))
            .ToListAsync(cancellationToken);
        return new OutboxPage(items, page, PageSize, total);
    }

    private static void DemandAdministrator(ClaimsPrincipal user)
    {
        if (!user.IsInRole(SiteRoles.Administrator))
        {
            throw new UnauthorizedAccessException("Only administrators can see the e-mail outbox.");
        }
    }
}
