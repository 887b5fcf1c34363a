using Microsoft.Extensions.Options;
using Npgsql;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// Works through the outbox in the background: a round whenever mail was committed on this instance
/// (<see cref="OutboxSignal"/>) and at least every poll interval otherwise (mail from other instances, retries coming
/// due, leases expiring). On shutdown it finishes the message in flight and hands the rest of its batch back.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxDelivery delivery,
    OutboxSignal signal,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatcher = options.Value.Dispatcher;
        if (!dispatcher.Enabled)
        {
            logger.LogInformation("E-mail dispatcher is off (Email:Dispatcher:Enabled); this instance only queues mail");
            return;
        }

        logger.LogInformation("E-mail dispatcher started: mail goes to the {Transport}", transport.Description);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await delivery.RunOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (NpgsqlException ex)
            {
                // The database is away (restart, failover): keep the app serving and try again, less often each time.
                failures++;
                logger.LogWarning("E-mail dispatcher cannot reach the database ({Failures} in a row): {Error}", failures, ex.Message);
            }
            catch (Exception ex)
            {
                // A fault here must not stop the whole app (the host's default for a failed BackgroundService).
                failures++;
                logger.LogError(ex, "E-mail dispatcher round failed ({Failures} in a row); retrying", failures);
            }

            if (claimed >= dispatcher.BatchSize)
            {
                continue;
            }

            var wait = failures == 0 ? dispatcher.PollInterval : OutboxDelivery.Backoff(failures - 1, dispatcher.PollInterval, TimeSpan.FromMinutes(1));
            try
            {
                if (await signal.WaitAsync(wait, clock, stoppingToken) && dispatcher.SettleTime > TimeSpan.Zero)
                {
                    await signal.SettleAsync(dispatcher.SettleTime, dispatcher.MaxSettleTime, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        logger.LogInformation("E-mail dispatcher stopped");
    }
}
