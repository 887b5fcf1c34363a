using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>A member's e-mail choices per kind, which groups they follow, and what an unsubscribe link turns off.</summary>
public sealed class NotificationPreferencesService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<NotificationSettings> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        var deliveries = Enum.GetValues<NotificationKind>()
            .ToDictionary(k => k, k => NotificationKinds.IsMailedByItsFeature(k) ? NotificationKinds.DefaultDelivery(k) : chosen.GetValueOrDefault(k, NotificationKinds.DefaultDelivery(k)));
        var groups = await (
                from m in db.GroupMemberships.AsNoTracking()
                join g in db.Groups on m.GroupId equals g.Id
                where m.UserId == userId
                orderby g.Name
                select new GroupFollowSetting(g.Id, g.Name, !db.GroupFollows.Any(f => f.GroupId == g.Id && f.UserId == userId && !f.FollowsNewThreads)))
            .ToListAsync(cancellationToken);
        return new NotificationSettings(deliveries, groups);
    }

    /// <summary>
    /// Saves the choices. Kinds mailed by their own feature are left alone; groups the member does not belong to are
    /// ignored (the follow row hangs off the membership).
    /// </summary>
    public async Task SaveAsync(string userId, IReadOnlyDictionary<NotificationKind, EmailDelivery> deliveries, IReadOnlyDictionary<Guid, bool> follows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(follows);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (kind, delivery) in deliveries.Where(d => Enum.IsDefined(d.Key) && Enum.IsDefined(d.Value) && !NotificationKinds.IsMailedByItsFeature(d.Key)))
        {
            await SetAsync(db, userId, kind, delivery, now, cancellationToken);
        }

        var memberOf = await db.GroupMemberships.Where(m => m.UserId == userId).Select(m => m.GroupId).ToListAsync(cancellationToken);
        var existing = await db.GroupFollows.Where(f => f.UserId == userId).ToDictionaryAsync(f => f.GroupId, cancellationToken);
        foreach (var (groupId, follow) in follows.Where(f => memberOf.Contains(f.Key)))
        {
            if (existing.TryGetValue(groupId, out var row))
            {
                row.FollowsNewThreads = follow;
                row.UpdatedAt = now;
            }
            else
            {
                db.GroupFollows.Add(new GroupFollow { GroupId = groupId, UserId = userId, FollowsNewThreads = follow, UpdatedAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What a valid unsubscribe link does: that kind's mails off, or every kind now going to the digest off.</summary>
    public async Task UnsubscribeAsync(UnsubscribeScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == scope.UserId, cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (scope.Kind is { } kind)
        {
            await SetAsync(db, scope.UserId, kind, EmailDelivery.Off, now, cancellationToken);
        }
        else
        {
            var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == scope.UserId)
                .ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
            foreach (var digestKind in Enum.GetValues<NotificationKind>().Where(k => NotificationKinds.Effective(k, chosen.TryGetValue(k, out var d) ? d : null) == EmailDelivery.Digest))
            {
                await SetAsync(db, scope.UserId, digestKind, EmailDelivery.Off, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task SetAsync(AppDbContext db, string userId, NotificationKind kind, EmailDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Kind == kind, cancellationToken);
        if (row is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery, UpdatedAt = now });
        }
        else
        {
            row.Delivery = delivery;
            row.UpdatedAt = now;
        }
    }
}
