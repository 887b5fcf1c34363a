using System.Globalization;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// One round of the dispatcher: dead-letter what is too old, claim a batch, send it over one transport session, and
/// record each outcome as soon as it is known (a crash mid-batch then risks re-sending only the message in flight).
/// <para>
/// Delivery is at least once, which is the best SMTP allows: if the process dies after the server accepted a message
/// but before <c>sent</c> was recorded, the row's lease expires and another round sends it again, with the same
/// Message-Id, so receiving servers and clients can recognise the duplicate. In normal operation (including several
/// instances dispatching at once) a row is sent exactly once: claims are exclusive, and a round stops using its rows
/// before their lease can expire.
/// </para>
/// </summary>
public sealed class OutboxDelivery(
    OutboxStore store,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    private DispatcherOptions Dispatcher => options.Value.Dispatcher;

    /// <summary>Runs one round; returns how many rows it claimed (a full batch suggests more are waiting).</summary>
    public async Task<int> RunOnceAsync(CancellationToken stopping)
    {
        var now = clock.GetUtcNow();
        var expired = await store.ExpireAsync(now, $"Not delivered within {Describe(Dispatcher.MaxAge)}.", stopping);
        if (expired > 0)
        {
            logger.LogWarning("Dead-lettered {Count} mail(s) not delivered within {MaxAge}", expired, Dispatcher.MaxAge);
        }

        var leaseUntil = TruncateToMilliseconds(now + Dispatcher.Lease);
        var batch = await store.ClaimAsync(now, leaseUntil, Dispatcher.BatchSize, stopping);
        if (batch.Count == 0)
        {
            return 0;
        }

        // From here on, shutdown does not cancel a send in progress: cutting it off mid-DATA would make a duplicate
        // likely. Each send is bounded by the SMTP timeouts instead, and rows not yet started are handed back.
        IMailTransportSession session;
        try
        {
            session = await transport.OpenAsync(CancellationToken.None);
        }
        catch (MailDeliveryException ex)
        {
            logger.LogWarning("Cannot reach {Transport}: {Error}. {Count} mail(s) will be retried.", transport.Description, ex.Message, batch.Count);
            foreach (var email in batch)
            {
                await RecordFailureAsync(email, ex);
            }

            return batch.Count;
        }

        await using (session)
        {
            await SendBatchAsync(session, batch, stopping);
        }

        return batch.Count;
    }

    private async Task SendBatchAsync(IMailTransportSession session, IReadOnlyList<OutboxEmail> batch, CancellationToken stopping)
    {
        var sent = 0;
        var perMessage = TimeSpan.FromSeconds(options.Value.Smtp.TimeoutSeconds * 3);
        for (var i = 0; i < batch.Count; i++)
        {
            var email = batch[i];
            if (stopping.IsCancellationRequested || clock.GetUtcNow() + perMessage > email.LockedUntil)
            {
                await ReleaseAsync(batch.Skip(i));
                break;
            }

            try
            {
                await session.SendAsync(email, CancellationToken.None);
            }
            catch (MailDeliveryException ex)
            {
                await RecordFailureAsync(email, ex);
                if (!ex.IsPermanent && ex.InnerException is not MailKit.Net.Smtp.SmtpCommandException)
                {
                    // The connection itself failed: the rest of the batch would only fail the same way, slowly.
                    foreach (var rest in batch.Skip(i + 1))
                    {
                        await RecordFailureAsync(rest, ex);
                    }

                    break;
                }

                continue;
            }

            if (await store.MarkSentAsync(email, clock.GetUtcNow(), CancellationToken.None))
            {
                sent++;
            }
            else
            {
                logger.LogWarning("Mail {MessageId} was sent, but its lease had passed to another dispatcher", email.MessageId);
            }
        }

        if (sent > 0)
        {
            logger.LogInformation("Sent {Count} mail(s) via {Transport}", sent, transport.Description);
        }
    }

    private async Task RecordFailureAsync(OutboxEmail email, MailDeliveryException error)
    {
        var now = clock.GetUtcNow();
        var tooOld = now >= email.ExpiresAt;
        if (error.IsPermanent || tooOld)
        {
            var reason = error.IsPermanent ? error.Message : $"{error.Message} (not delivered within {Describe(Dispatcher.MaxAge)})";
            logger.LogWarning("Mail {MessageId} to {Recipient} is dead-lettered: {Error}", email.MessageId, email.ToAddress, reason);
            await store.MarkDeadAsync(email, reason, CancellationToken.None);
            return;
        }

        var next = now + Backoff(email.Attempts, Dispatcher.RetryDelay, Dispatcher.MaxRetryDelay);
        logger.LogInformation("Mail {MessageId} will be retried at {Next:O}: {Error}", email.MessageId, next, error.Message);
        await store.MarkRetryAsync(email, next, error.Message, CancellationToken.None);
    }

    private async Task ReleaseAsync(IEnumerable<OutboxEmail> unsent)
    {
        foreach (var email in unsent)
        {
            await store.ReleaseAsync(email, CancellationToken.None);
        }
    }

    /// <summary>30 s, 1 min, 2 min, 4 min… (with the defaults), never more than the cap.</summary>
    public static TimeSpan Backoff(int previousAttempts, TimeSpan first, TimeSpan cap)
    {
        var factor = Math.Pow(2, Math.Min(previousAttempts, 30));
        var delay = first.TotalSeconds * factor;
        return delay >= cap.TotalSeconds ? cap : TimeSpan.FromSeconds(delay);
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), value.Offset);

    private static string Describe(TimeSpan age) => age.TotalHours >= 1 && age.TotalHours % 1 == 0
        ? $"{age.TotalHours.ToString(CultureInfo.InvariantCulture)} hours"
        : age.ToString("c", CultureInfo.InvariantCulture);
}
