using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>What events hold about a member, for their data download: registrations, events they created, their feed.</summary>
public sealed class EventPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "events";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var registrations = await (
                from r in db.EventRegistrations.AsNoTracking()
                join e in db.Events on r.EventId equals e.Id
                where r.UserId == userId
                orderby r.RegisteredAt
                select new { eventTitle = e.Title, startsAt = e.StartsAt, status = r.Status.ToString(), registeredAt = r.RegisteredAt, confirmedAt = r.ConfirmedAt, cancelledAt = r.CancelledAt, checkedInAt = r.CheckedInAt })
            .ToListAsync(cancellationToken);
        var created = await db.Events.AsNoTracking().Where(e => e.CreatedById == userId).OrderBy(e => e.CreatedAt)
            .Select(e => new { title = e.Title, startsAt = e.StartsAt, status = e.Status.ToString(), createdAt = e.CreatedAt })
            .ToListAsync(cancellationToken);
        var feedCreatedAt = await db.CalendarFeeds.Where(f => f.UserId == userId).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        return registrations.Count + created.Count == 0 && feedCreatedAt is null
            ? null
            : new { registrations, created, calendarFeedCreatedAt = feedCreatedAt };
    }
}
