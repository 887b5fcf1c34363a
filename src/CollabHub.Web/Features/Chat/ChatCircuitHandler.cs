using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CollabHub.Web.Features.Chat;

/// <summary>Tells this circuit's chat presence when the browser's connection drops and returns.</summary>
public sealed class ChatCircuitHandler(ChatCircuitPresence presence) : CircuitHandler
{
    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) =>
        await presence.ConnectionChangedAsync(true);

    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) =>
        await presence.ConnectionChangedAsync(false);
}
