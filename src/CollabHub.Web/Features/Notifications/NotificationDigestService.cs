using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// The daily digest. For each member with unread notifications, once their local clock (profile time zone, else UTC)
/// passes 08:00, gathers what they chose to receive in the digest, created since the previous digest and before
/// 08:00 today, still readable to them, and queues one mail. The (member, local date) row commits with the mail, so
/// restarts and other instances never send a second one that day; a member with nothing new gets the row but no mail.
/// </summary>
public sealed partial class NotificationDigestService(
    IDbContextFactory<AppDbContext> contexts,
    NotificationMailer mailer,
    IEmailOutbox outbox,
    TimeProvider clock,
    ILogger<NotificationDigestService> logger)
{
    public static readonly TimeOnly SendTime = new(8, 0);

    /// <summary>How far back a member's first digest reaches, and how old a notification may be to be a candidate at all.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>Sends every digest that is due now; returns how many mails were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<string> candidates;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var since = now - Window - TimeSpan.FromDays(1);
            candidates = await db.Notifications.AsNoTracking()
                .Where(n => n.ReadAt == null && n.CreatedAt >= since && n.CreatedAt < now)
                .Select(n => n.RecipientId).Distinct().ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var userId in candidates)
        {
            try
            {
                sent += await SendIfDueAsync(userId, now, cancellationToken) ? 1 : 0;
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another instance decided this member's day first: exactly what the key is for.
            }
        }

        return sent;
    }

    private async Task<bool> SendIfDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await MemberTimeZones.OfMemberAsync(db, userId, cancellationToken);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < SendTime
            || await db.NotificationDigests.AnyAsync(d => d.UserId == userId && d.LocalDate == today, cancellationToken))
        {
            return false;
        }

        var cutoff = new DateTimeOffset(today.ToDateTime(SendTime), zone.GetUtcOffset(today.ToDateTime(SendTime))).ToUniversalTime();
        var previous = await db.NotificationDigests.Where(d => d.UserId == userId).MaxAsync(d => (DateTimeOffset?)d.CoveredUntil, cancellationToken);
        var start = previous is { } covered && covered > cutoff - Window ? covered : cutoff - Window;

        var recipient = await NotificationQueries.Mailable(db, [userId]).SingleOrDefaultAsync(cancellationToken);
        var lines = recipient is null ? [] : await LinesAsync(db, userId, start, cutoff, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.NotificationDigests.Add(new NotificationDigest { UserId = userId, LocalDate = today, CoveredUntil = cutoff, NotificationCount = lines.Count, SentAt = now });
        if (recipient is not null && lines.Count > 0)
        {
            outbox.Enqueue(db, new EmailRecipient(recipient.Email, recipient.DisplayName), mailer.Digest(userId, recipient.DisplayName, today, lines));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (lines.Count > 0)
        {
            LogDigestQueued(userId, today, lines.Count);
        }

        return lines.Count > 0;
    }

    /// <summary>Unread, still readable notifications of the kinds the member gets in the digest, collapsed by target, newest first.</summary>
    private static async Task<IReadOnlyList<DigestLine>> LinesAsync(AppDbContext db, string userId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var preferences = await NotificationQueries.PreferencesAsync(db, [userId], cancellationToken);
        var kinds = Enum.GetValues<NotificationKind>().Where(k => NotificationQueries.DeliveryFor(preferences, userId, k) == EmailDelivery.Digest).ToList();
        var viewer = await NotificationQueries.ViewerAsync(db, userId, cancellationToken);
        var rows = await (
                from n in db.Notifications.AsNoTracking().VisibleTo(db, viewer)
                where n.ReadAt == null && n.CreatedAt >= since && n.CreatedAt < until && kinds.Contains(n.Kind)
                join u in db.Users on n.ActorId equals u.Id into actors
                from u in actors.DefaultIfEmpty()
                orderby n.CreatedAt descending
                select new { n.Kind, n.Subject, n.Title, n.Url, ActorName = u == null ? null : u.DisplayName })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (r.Kind, r.Subject))
            .Select(g => new DigestLine(NotificationMailer.Describe(g.Key.Kind, g.First().ActorName, g.First().Title, g.Count()), g.First().Url))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued the digest for {UserId} ({LocalDate}) with {Count} items")]
    private partial void LogDigestQueued(string userId, DateOnly localDate, int count);
}
