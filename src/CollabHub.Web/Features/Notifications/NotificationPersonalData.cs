using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>A member's notifications, e-mail choices, group follows and digests, for their data download. All go with the account (cascading keys).</summary>
public sealed class NotificationPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "notifications";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId).OrderBy(n => n.CreatedAt)
            .Select(n => new { kind = n.Kind.ToString(), title = n.Title, excerpt = n.Excerpt, url = n.Url, createdAt = n.CreatedAt, readAt = n.ReadAt })
            .ToListAsync(cancellationToken);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Kind)
            .Select(p => new { kind = p.Kind.ToString(), email = p.Delivery.ToString(), changedAt = p.UpdatedAt })
            .ToListAsync(cancellationToken);
        var follows = await (
                from f in db.GroupFollows.AsNoTracking()
                join g in db.Groups on f.GroupId equals g.Id
                where f.UserId == userId
                select new { groupName = g.Name, newThreads = f.FollowsNewThreads, changedAt = f.UpdatedAt })
            .ToListAsync(cancellationToken);
        var digests = await db.NotificationDigests.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.LocalDate)
            .Select(d => new { date = d.LocalDate, items = d.NotificationCount, sentAt = d.SentAt })
            .ToListAsync(cancellationToken);
        return notifications.Count + preferences.Count + follows.Count + digests.Count == 0
            ? null
            : new { notifications, emailPreferences = preferences, groupFollows = follows, digests };
    }
}
