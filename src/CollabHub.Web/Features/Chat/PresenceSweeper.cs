using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>Turns online members idle once they have done nothing for a while; nothing else runs on a timer.</summary>
public sealed class PresenceSweeper(ChatPresence presence, IOptions<ChatOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.IdleSweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await presence.SweepAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
