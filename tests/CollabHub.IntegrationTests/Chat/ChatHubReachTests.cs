using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// How the hub reaches a member's own connections. SignalR's default lifetime manager serves sends to a user or to a
/// list of connections by walking every open connection of the hub; at thousands of connections, one walk per chat
/// message made ChatHub fall far behind in the benchmark. The hub must reach them without it.
/// </summary>
public sealed class ChatHubReachTests(PostgresServer postgres)
{
    [Fact]
    public async Task Send_MovesTheSendersReadPositionOnTheirOtherDevices_WithoutWalkingEveryConnection()
    {
        var manager = new WalkCountingLifetimeManager();
        await using var app = new CollabHubApp(await postgres.CreateDatabaseAsync(nameof(ChatHubReachTests)))
        {
            TestServices = services => services.AddSingleton<HubLifetimeManager<ChatHub>>(manager),
        };
        await using var room = await ChatRoom.OpenAsync(app);
        await using var bobsLaptop = await ChatTestClient.ConnectAsync(app, room.Bob);
        await using var bobsTablet = await ChatTestClient.ConnectAsync(app, room.Bob, messagePack: true);

        var sent = await room.B.SendAsync(room.ChannelId, "Sent from the phone");

        foreach (var device in new[] { bobsLaptop, bobsTablet })
        {
            await Eventually.WaitAsync(
                () => device.ReadStates.Any(r => r.ChannelId == room.ChannelId && r.LastReadSeq == sent.Seq && r.Unread == 0),
                "each of Bob's other devices hears that he has read what he sent", ChatTestClient.Timeout);
        }

        await room.A.WaitForMessageAsync("Sent from the phone");
        Assert.Empty(bobsLaptop.Received);
        Assert.Equal(0, manager.Walks);
    }

    /// <summary>The default lifetime manager, counting the sends it serves by walking all connections.</summary>
    private sealed class WalkCountingLifetimeManager() : DefaultHubLifetimeManager<ChatHub>(NullLogger<DefaultHubLifetimeManager<ChatHub>>.Instance)
    {
        private int walks;

        public int Walks => Volatile.Read(ref walks);

        public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            Walk(base.SendAllAsync(methodName, args, cancellationToken));

        public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
            Walk(base.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

        public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            Walk(base.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

        public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            Walk(base.SendUserAsync(userId, methodName, args, cancellationToken));

        public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            Walk(base.SendUsersAsync(userIds, methodName, args, cancellationToken));

        private Task Walk(Task send)
        {
            Interlocked.Increment(ref walks);
            return send;
        }
    }
}
