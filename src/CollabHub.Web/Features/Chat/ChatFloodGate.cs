using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The per-member, per-channel send limit: a sliding window of recent send times. In memory, so per instance, which
/// is what a flood limit needs (a flooder is slowed wherever they are connected).
/// </summary>
public sealed class ChatFloodGate(TimeProvider clock, IOptions<ChatOptions> options)
{
    private readonly ConcurrentDictionary<(string UserId, Guid ChannelId), Queue<DateTimeOffset>> windows = new();

    /// <summary>Takes one send from the allowance, or refuses with the reason for the sender.</summary>
    public void Take(string userId, Guid channelId, bool isNewAccount)
    {
        var settings = options.Value;
        var limit = isNewAccount ? settings.NewAccountFloodLimit : settings.FloodLimit;
        var now = clock.GetUtcNow();
        var window = windows.GetOrAdd((userId, channelId), _ => new Queue<DateTimeOffset>());
        lock (window)
        {
            while (window.Count > 0 && window.Peek() <= now - settings.FloodWindow)
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                var wait = Math.Max(1, (int)Math.Ceiling((window.Peek() + settings.FloodWindow - now).TotalSeconds));
                throw new ChatRefusedException(
                    $"You're sending messages too quickly (at most {limit} in {(int)settings.FloodWindow.TotalSeconds} seconds). Try again in {wait} s.");
            }

            window.Enqueue(now);
        }
    }
}
