using CollabHub.Web.Infrastructure.Live;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>Presence changes, published on <see cref="LiveTopics.Presence"/> when a member's state actually changes.</summary>
public sealed class ChatPresence(IPresenceStore store, ILiveEvents live, TimeProvider clock, IOptions<ChatOptions> options)
{
    public ValueTask ConnectAsync(string userId, string connectionId) =>
        PublishAsync(store.Connect(userId, connectionId, clock.GetUtcNow()));

    public ValueTask DisconnectAsync(string userId, string connectionId) =>
        PublishAsync(store.Disconnect(userId, connectionId, clock.GetUtcNow()));

    public ValueTask TouchAsync(string userId) => PublishAsync(store.Touch(userId, clock.GetUtcNow()));

    public MemberPresence Get(string userId) => store.Get(userId);

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
