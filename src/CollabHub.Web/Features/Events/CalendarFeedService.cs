using System.Security.Cryptography;
using System.Text;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// Calendar subscriptions: a private feed per member (a secret address of which only a hash is kept; a new one revokes
/// the old) with the events they registered for, and a public feed per public group.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> contexts, EventCalendar calendar, TimeProvider clock)
{
    /// <summary>Makes the member's feed address, replacing (and so revoking) any earlier one. The token is shown once.</summary>
    public async Task<string> RenewAsync(string userId, CancellationToken cancellationToken = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, cancellationToken);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = userId };
            db.CalendarFeeds.Add(feed);
        }

        feed.TokenHash = Hash(token);
        feed.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Stops the member's feed.</summary>
    public async Task RevokeAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> FeedCreatedAtAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CalendarFeeds.Where(f => f.UserId == userId).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The member's registered events, or null for an unknown token. Access is decided as for the member now, so an
    /// event of a group they left drops out of the feed.
    /// </summary>
    public async Task<string?> MemberFeedAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = Hash(token);
        var userId = await db.CalendarFeeds.Where(f => f.TokenHash == hash)
            .Where(f => db.Users.Any(u => u.Id == f.UserId && u.SuspendedAt == null))
            .Select(f => f.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return null;
        }

        var viewer = new EventViewer(userId, false, false);
        var events = await db.Events.AsNoTracking().VisibleTo(db, viewer)
            .Where(e => db.EventRegistrations.Any(r => r.EventId == e.Id && r.UserId == userId && r.Status == RegistrationStatus.Confirmed))
            .OrderBy(e => e.StartsAt)
            .ToListAsync(cancellationToken);
        return calendar.Publish(events, "CollabHub: my events");
    }

    /// <summary>A public group's published events, or null when there is no such public group (private and hidden ones have no feed).</summary>
    public async Task<string?> GroupFeedAsync(string groupSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.AsNoTracking()
            .SingleOrDefaultAsync(g => g.Slug == groupSlug && g.Visibility == GroupVisibility.Public, cancellationToken);
        if (group is null)
        {
            return null;
        }

        var events = await db.Events.AsNoTracking()
            .Where(e => e.GroupId == group.Id && e.Status != EventStatus.Draft && !e.IsSeries)
            .OrderBy(e => e.StartsAt)
            .ToListAsync(cancellationToken);
        return calendar.Publish(events, $"CollabHub: {group.Name}");
    }

    /// <summary>One event to import, for whoever may see it; null otherwise.</summary>
    public async Task<string?> EventFileAsync(EventViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ev = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug && !e.IsSeries, cancellationToken);
        return ev is not null && (await EventAccessLoader.LoadAsync(db, ev, viewer, cancellationToken)).CanSee
            ? calendar.Publish([ev])
            : null;
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
