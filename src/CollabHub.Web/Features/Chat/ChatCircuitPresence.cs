namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Counts an open chat panel as one presence connection of its circuit (scoped per circuit). The circuit handler
/// takes it down while the browser is disconnected, so a closed laptop goes offline as fast as a dropped hub client,
/// not when the circuit is finally discarded minutes later.
/// </summary>
public sealed class ChatCircuitPresence(ChatPresence presence) : IAsyncDisposable
{
    private readonly string connectionId = $"circuit:{Guid.NewGuid():N}";
    private readonly Lock gate = new();
    private string? userId;
    private int panels;
    private bool connected = true;

    /// <summary>A chat panel of this circuit opened for <paramref name="user"/>.</summary>
    public async ValueTask AttachAsync(string user)
    {
        bool first;
        lock (gate)
        {
            userId = user;
            first = ++panels == 1 && connected;
        }

        if (first)
        {
            await presence.ConnectAsync(user, connectionId);
        }
    }

    public async ValueTask DetachAsync()
    {
        string? user;
        lock (gate)
        {
            user = --panels == 0 && connected ? userId : null;
        }

        if (user is not null)
        {
            await presence.DisconnectAsync(user, connectionId);
        }
    }

    public async ValueTask TouchAsync()
    {
        if (userId is { } user)
        {
            await presence.TouchAsync(user);
        }
    }

    public async ValueTask ConnectionChangedAsync(bool up)
    {
        string? user;
        lock (gate)
        {
            user = panels > 0 && connected != up ? userId : null;
            connected = up;
        }

        if (user is not null)
        {
            await (up ? presence.ConnectAsync(user, connectionId) : presence.DisconnectAsync(user, connectionId));
        }
    }

    public async ValueTask DisposeAsync() => await ConnectionChangedAsync(false);
}
