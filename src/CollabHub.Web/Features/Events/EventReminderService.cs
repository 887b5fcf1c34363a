using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// Sends the reminders 24 hours and 1 hour before each event to its confirmed registrants. Each reminder is a row keyed
/// by (registration, kind), saved in the same transaction as its mail: a crash before commit sends nothing and the
/// next round retries; after commit the key refuses a second one, across restarts and instances.
/// </summary>
public sealed class EventReminderService(
    IDbContextFactory<AppDbContext> contexts, EventMails mails, TimeProvider clock, ILogger<EventReminderService> logger) : BackgroundService
{
    /// <summary>How often due reminders are looked for; a reminder goes out at most this late.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const int BatchSize = 200;

    public static TimeSpan Lead(ReminderKind kind) => kind switch
    {
        ReminderKind.DayBefore => TimeSpan.FromHours(24),
        ReminderKind.HourBefore => TimeSpan.FromHours(1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Queues every reminder due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            sent += await SendDueAsync(kind, cancellationToken);
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Sending event reminders failed; the next round tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> SendDueAsync(ReminderKind kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lead = Lead(kind);
        List<(Guid RegistrationId, Guid EventId, string UserId)> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // The window ends at the next kind's start, so someone confirmed late gets only the reminder that fits.
            var windowEnd = kind == ReminderKind.DayBefore ? Lead(ReminderKind.HourBefore) : TimeSpan.Zero;
            var rows = await db.EventRegistrations
                .Where(r => r.Status == RegistrationStatus.Confirmed
                    && !db.EventRemindersSent.Any(s => s.RegistrationId == r.Id && s.Kind == kind))
                .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { r, e })
                .Where(x => x.e.Status == EventStatus.Published
                    && x.e.StartsAt - lead <= now && x.e.StartsAt - windowEnd > now
                    && x.r.ConfirmedAt <= x.e.StartsAt - lead)
                .OrderBy(x => x.e.StartsAt)
                .Take(BatchSize)
                .Select(x => new { x.r.Id, x.r.EventId, x.r.UserId })
                .ToListAsync(cancellationToken);
            due = [.. rows.Select(x => (x.Id, x.EventId, x.UserId))];
        }

        var sent = 0;
        foreach (var (registrationId, eventId, userId) in due)
        {
            if (await SendOneAsync(registrationId, eventId, userId, kind, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendOneAsync(Guid registrationId, Guid eventId, string userId, ReminderKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        db.EventRemindersSent.Add(new EventReminderSent { RegistrationId = registrationId, Kind = kind, SentAt = now });
        mails.Reminder(db, user, ev, kind);
        try
        {
            // One SaveChanges is one transaction: the reminder's row and its mail commit together or not at all.
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another instance sent it a moment ago.
            return false;
        }
    }
}
