using Microsoft.AspNetCore.SignalR;

namespace CollabHub.Web.Infrastructure.Benchmarks;

/// <summary>
/// The benchmark's yardstick: a hub that only relays to a group — no sign-in, no database, no presence. The chat
/// benchmark compares <c>ChatHub</c> with it in the same process and run, so the figure says what the chat's
/// checks and persistence cost rather than how fast the machine is.
/// </summary>
public sealed class EchoHub : Hub
{
    public const string ClientMethod = "Echo";

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Send(string group, string body) => Clients.Group(group).SendAsync(ClientMethod, body);
}
