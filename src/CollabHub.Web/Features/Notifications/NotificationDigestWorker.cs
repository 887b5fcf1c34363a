using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Notifications;

/// <summary>Runs <see cref="NotificationDigestService"/> every few minutes on the injected clock.</summary>
public sealed partial class NotificationDigestWorker(
    NotificationDigestService digests, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationDigestWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DigestEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await digests.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not end the worker: the next round tries again, and the key prevents doubles.
                LogRoundFailed(ex);
            }

            await Task.Delay(options.Value.DigestInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A digest round failed; the next one retries")]
    private partial void LogRoundFailed(Exception exception);
}
