using CollabHub.Web.Infrastructure.Live;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>Presence changes, published on <see cref="LiveTopics.Presence"/> when a member's state actually changes.</summary>
public sealed class ChatPresence(IPresenceStore store, LastSeenStore lastSeen, ILiveEvents live, TimeProvider clock, IOptions<ChatOptions> options)
{
    public ValueTask ConnectAsync(string userId, string connectionId) =>
        PublishAsync(store.Connect(userId, connectionId, clock.GetUtcNow()));

    public async ValueTask DisconnectAsync(string userId, string connectionId)
    {
        var change = store.Disconnect(userId, connectionId, clock.GetUtcNow());
        await PublishAsync(change);
        if (change is { State: PresenceState.Offline, LastSeenAt: { } seen })
        {
            await lastSeen.RecordAsync(userId, seen);
        }
    }

    public ValueTask TouchAsync(string userId) => PublishAsync(store.Touch(userId, clock.GetUtcNow()));

    public MemberPresence Get(string userId) => store.Get(userId);

    /// <summary>
    /// Presence of several members; for those offline without a time in this process (never online since it
    /// started), "last seen" comes from the stored record.
    /// </summary>
    public async Task<Dictionary<string, MemberPresence>> GetManyAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var current = userIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, store.Get, StringComparer.Ordinal);
        var unknown = current.Values.Where(p => p.State == PresenceState.Offline && p.LastSeenAt is null).Select(p => p.UserId).ToList();
        foreach (var (userId, seen) in await lastSeen.GetAsync(unknown, cancellationToken))
        {
            current[userId] = current[userId] with { LastSeenAt = seen };
        }

        return current;
    }

    /// <summary>Marks members idle whose last activity is older than <see cref="ChatOptions.IdleAfter"/>.</summary>
    public async Task SweepAsync()
    {
        foreach (var change in store.MarkIdle(clock.GetUtcNow() - options.Value.IdleAfter))
        {
            await PublishAsync(change);
        }
    }

    private async ValueTask PublishAsync(MemberPresence? change)
    {
        if (change is not null)
        {
            await live.PublishAsync(LiveTopics.Presence, change);
        }
    }
}
