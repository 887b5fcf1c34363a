using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Admin.Audit;

/// <summary>
/// Writes and reads the audit log. <see cref="Add"/> only adds the entry to the caller's context, so it commits
/// in the caller's transaction together with the change it records, or not at all. There is deliberately no way
/// to change or remove an entry.
/// </summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>Adds an entry to <paramref name="db"/> (not saved). A null <paramref name="actor"/> means the command line.</summary>
    public AuditEntry Add(AppDbContext db, ApplicationUser? actor, string action, ApplicationUser? subject, string? details = null)
    {
        var entry = new AuditEntry(
            clock.GetUtcNow(),
            actor?.Id,
            actor is null ? AuditEntry.CommandLineActor : MemberDisplay.Of(actor),
            action,
            subject?.Id,
            subject is null ? null : MemberDisplay.Of(subject),
            details);
        db.Add(entry);
        return entry;
    }

    /// <summary>Newest first.</summary>
    public async Task<PagedResult<AuditEntry>> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db.AuditLog.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        page = Paging.Within(page, total, pageSize);
        var items = await query
            .OrderByDescending(e => e.OccurredAt)
            .ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(items, page, pageSize, total);
    }

    internal static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.SubjectUserId))
        {
            query = query.Where(e => e.SubjectUserId == filter.SubjectUserId);
        }

        if (!string.IsNullOrWhiteSpace(filter.SubjectText))
        {
            var pattern = SearchPatterns.Contains(filter.SubjectText);
            query = query.Where(e => e.SubjectDisplay != null && EF.Functions.ILike(e.SubjectDisplay, pattern));
        }

        return query;
    }
}
