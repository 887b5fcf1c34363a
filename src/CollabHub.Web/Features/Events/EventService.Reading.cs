using System.Linq.Expressions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>Reading events: every query goes through <see cref="EventQueries"/> or <see cref="EventAccess"/>.</summary>
public sealed partial class EventService
{
    public async Task<EventListResult> ListAsync(EventViewer viewer, EventListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await ViewerZoneAsync(db, viewer, cancellationToken);
        var now = clock.GetUtcNow();
        var events = db.Events.AsNoTracking().VisibleTo(db, viewer).Where(e => e.SeriesId == null);
        events = query.Past ? events.Where(e => e.EndsAt < now) : events.Where(e => e.EndsAt >= now);
        if (!string.IsNullOrWhiteSpace(query.Group))
        {
            events = events.Where(e => db.Groups.Any(g => g.Id == e.GroupId && g.Slug == query.Group));
        }

        if (query.Format is { } format)
        {
            events = events.Where(e => e.Format == format);
        }

        if (!string.IsNullOrWhiteSpace(query.Topic))
        {
            var topic = query.Topic.Trim().ToLowerInvariant();
            events = events.Where(e => e.Topics.Contains(topic));
        }

        if (query.From is { } from && EventTimes.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone) is { } fromUtc)
        {
            events = events.Where(e => e.EndsAt >= fromUtc);
        }

        if (query.To is { } to && EventTimes.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) is { } toUtc)
        {
            events = events.Where(e => e.StartsAt < toUtc);
        }

        var total = await events.CountAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, EventListQuery.PageSize);
        var page = Paging.Within(query.Page, total, EventListQuery.PageSize);
        var ordered = query.Past ? events.OrderByDescending(e => e.StartsAt) : events.OrderBy(e => e.StartsAt);
        var items = await Summaries(db, ordered.Skip((page - 1) * EventListQuery.PageSize).Take(EventListQuery.PageSize), viewer)
            .ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().ListedFor(db, viewer.Group)
            .Where(g => db.Events.VisibleTo(db, viewer).Any(e => e.GroupId == g.Id))
            .OrderBy(g => g.Name)
            .Select(g => new { g.Slug, g.Name })
            .ToListAsync(cancellationToken);
        return new EventListResult(items, page, pageCount, total, [.. groups.Select(g => (g.Slug, g.Name))], zone);
    }

    /// <summary>The viewer's upcoming registrations (confirmed and waiting), soonest first, and the drafts they organise.</summary>
    public async Task<(IReadOnlyList<EventSummary> Registered, IReadOnlyList<EventSummary> Organised, TimeZoneInfo Zone)> MineAsync(
        EventViewer viewer, int take = 50, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return ([], [], TimeZoneInfo.Utc);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var userId = viewer.UserId!;
        var registered = await RegisteredAsync(db, userId, viewer, now, take, cancellationToken);
        var organised = await Summaries(db, db.Events.AsNoTracking().Where(e => e.CreatedById == userId && e.EndsAt >= now)
            .OrderBy(e => e.StartsAt).Take(take), viewer).ToListAsync(cancellationToken);
        return (registered, organised, await ViewerZoneAsync(db, viewer, cancellationToken));
    }

    /// <summary>The member's next registrations, for the home page (without what they organise; the page has their time zone from its header's statement).</summary>
    public async Task<IReadOnlyList<EventSummary>> NextRegisteredAsync(EventViewer viewer, int take, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RegisteredAsync(db, viewer.UserId!, viewer, clock.GetUtcNow(), take, cancellationToken);
    }

    /// <summary>Upcoming public events for visitors (site-wide and public groups'), soonest first.</summary>
    public async Task<IReadOnlyList<EventSummary>> UpcomingAsync(EventViewer viewer, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await Summaries(db, db.Events.AsNoTracking().VisibleTo(db, viewer)
            .Where(e => e.Status == EventStatus.Published && e.SeriesId == null && e.EndsAt >= now)
            .OrderBy(e => e.StartsAt).Take(take), viewer).ToListAsync(cancellationToken);
    }

    /// <summary>The event page for this viewer; null when there is no such event or they may not see it (404).</summary>
    public async Task<EventPageView?> GetPageAsync(EventViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ev = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (ev is null)
        {
            return null;
        }

        var access = await EventAccessLoader.LoadAsync(db, ev, viewer, cancellationToken);
        if (!access.CanSee)
        {
            return null;
        }

        var mine = viewer.UserId is { } userId
            ? await db.EventRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == ev.Id && r.UserId == userId, cancellationToken)
            : null;
        int? position = mine is { Status: RegistrationStatus.Waitlisted } ? await EventRegistrationService.PositionAsync(db, mine, cancellationToken) : null;
        var sessions = ev.IsSeries
            ? await Summaries(db, db.Events.AsNoTracking().Where(e => e.SeriesId == ev.Id && (e.Status != EventStatus.Draft || access.CanOrganise))
                .OrderBy(e => e.StartsAt), viewer).ToListAsync(cancellationToken)
            : [];
        var series = ev.SeriesId is { } seriesId
            ? await db.Events.AsNoTracking().Where(e => e.Id == seriesId).Select(e => new { e.Slug, e.Title }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new EventPageView(
            ev, access.CanOrganise, access.CanTakePart, viewer.IsSignedIn, access.Group?.Group.Name, access.Group?.Group.Slug,
            markdown.RenderMarkup(ev.Description), mine is { IsActive: true } ? mine.Status : null, position, sessions,
            series is null ? null : (series.Slug, series.Title), await ViewerZoneAsync(db, viewer, cancellationToken), clock.GetUtcNow());
    }

    /// <summary>The attendee list for organisers, confirmed first, then the waitlist in order; null when not allowed.</summary>
    public async Task<(Event Event, IReadOnlyList<AttendeeRow> Rows, int Total, int Page)?> AttendeesAsync(
        EventViewer viewer, string slug, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ev = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (ev is null || await EventAccessLoader.LoadAsync(db, ev, viewer, cancellationToken) is not { CanSee: true, CanOrganise: true })
        {
            return null;
        }

        var registrations = db.EventRegistrations.AsNoTracking().Where(r => r.EventId == ev.Id && r.Status != RegistrationStatus.Cancelled);
        var total = await registrations.CountAsync(cancellationToken);
        page = Paging.Within(page, total, pageSize);
        var rows = await registrations
            .OrderBy(r => r.Status).ThenBy(r => r.Ticket)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new
            {
                r.Id,
                r.UserId,
                u.DisplayName,
                u.Email,
                r.Status,
                Position = r.Status == RegistrationStatus.Waitlisted
                    ? db.EventRegistrations.Count(o => o.EventId == r.EventId && o.Status == RegistrationStatus.Waitlisted && o.Ticket <= r.Ticket)
                    : (int?)null,
                r.RegisteredAt,
                r.CheckedInAt,
            })
            .ToListAsync(cancellationToken);
        return (ev, [.. rows.Select(r => new AttendeeRow(r.Id, r.UserId, r.DisplayName, r.Email ?? "", r.Status, r.Position, r.RegisteredAt, r.CheckedInAt))], total, page);
    }

    /// <summary>An event as a list shows it, with the viewer's own registration: the one copy of the projection, for ad-hoc
    /// queries (<see cref="Summaries"/>) and compiled ones alike (through <see cref="QueryRule"/>).</summary>
    private static readonly Expression<Func<AppDbContext, Event, string?, EventSummary>> Summary =
        (db, e, userId) => new EventSummary(
            e.Id, e.Slug, e.Title, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Format, e.Status, e.Capacity, e.ConfirmedCount, e.WaitlistCount,
            e.IsSeries,
            db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Name).FirstOrDefault(),
            db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Slug).FirstOrDefault(),
            e.Topics,
            db.EventRegistrations.Where(r => r.EventId == e.Id && r.UserId == userId && r.Status != RegistrationStatus.Cancelled)
                .Select(r => (RegistrationStatus?)r.Status).FirstOrDefault());

    /// <summary>
    /// Upcoming events the member registered for (confirmed or waiting) and may still see, soonest first. Compiled: the
    /// home page's events section was a sixth of its CPU time in a profile, most of it EF walking and hashing this query's
    /// expression tree (with the visibility rule and the projection) on every execution.
    /// </summary>
    private static readonly Func<AppDbContext, string, bool, DateTimeOffset, int, IAsyncEnumerable<EventSummary>> RegisteredQuery =
        EF.CompileAsyncQuery(QueryRule.Inline<Func<AppDbContext, string, bool, DateTimeOffset, int, IQueryable<EventSummary>>>(
            (db, userId, isAdministrator, now, take) => db.Events.AsNoTracking()
                .Where(e => EventQueries.Visible.Apply(db, e, userId, isAdministrator)
                    && e.EndsAt >= now
                    && db.EventRegistrations.Any(r => r.EventId == e.Id && r.UserId == userId && r.Status != RegistrationStatus.Cancelled))
                .OrderBy(e => e.StartsAt)
                .Take(take)
                .Select(e => Summary.Apply(db, e, userId))));

    /// <summary>The member's profile zone, compiled (read on every events page and the home page).</summary>
    private static readonly Func<AppDbContext, string, CancellationToken, Task<string?>> ZoneQuery =
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken cancellationToken) =>
            db.MemberProfiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).SingleOrDefault());

    private static IQueryable<EventSummary> Summaries(AppDbContext db, IQueryable<Event> events, EventViewer viewer)
    {
        var userId = viewer.UserId;
        return events.Select(QueryRule.Inline<Func<Event, EventSummary>>(e => Summary.Apply(db, e, userId)));
    }

    /// <summary>The zone the viewer's profile names, to start the create form in.</summary>
    public async Task<string> ViewerZoneIdAsync(EventViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await ViewerZoneAsync(db, viewer, cancellationToken)).Id;
    }

    /// <summary>The member's profile zone; UTC for visitors and members who set none.</summary>
    internal static async Task<TimeZoneInfo> ViewerZoneAsync(AppDbContext db, EventViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.UserId is not { } userId)
        {
            return TimeZoneInfo.Utc;
        }

        return EventTimes.Zone(await ZoneQuery(db, userId, cancellationToken));
    }

    private static ValueTask<List<EventSummary>> RegisteredAsync(AppDbContext db, string userId, EventViewer viewer, DateTimeOffset now, int take, CancellationToken cancellationToken) =>
        RegisteredQuery(db, userId, viewer.IsAdministrator, now, take).ToListAsync(cancellationToken);
}
