using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>Presence is counted per connection, and a client that dies without closing goes offline by the client timeout.</summary>
public sealed class ChatPresenceTests(ChatAppFixture fixture) : IClassFixture<ChatAppFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task SecondTabClosing_KeepsTheMemberOnline_LastTabClosing_MarksThemOfflineWithLastSeen()
    {
        var alice = await TestAccounts.SignInNewMemberAsync(App, "Alice Presence");
        var bob = await TestAccounts.SignInNewMemberAsync(App, "Bob Presence");
        var group = await ChatTestGroups.CreateAsync(App, alice.Account, bob.Account);
        await using var watcher = await ChatTestClient.ConnectAsync(App, alice);
        await watcher.JoinGroupAsync(group.Id);
        var tab1 = await ChatTestClient.ConnectAsync(App, bob);
        var tab2 = await ChatTestClient.ConnectAsync(App, bob);
        try
        {
            var joined = await tab1.JoinGroupAsync(group.Id);
            Assert.Contains(joined.Online, p => p.UserId == bob.Account.Id && p.State == PresenceState.Online);

            await tab2.Connection.StopAsync(TestContext.Current.CancellationToken);
            var marker = await tab1.SendAsync(joined.ChannelId, "Still here");
            await watcher.WaitForMessageAsync(marker.Body);
            Assert.DoesNotContain(watcher.Presence, p => p.UserId == bob.Account.Id && p.State == PresenceState.Offline);

            await tab1.Connection.StopAsync(TestContext.Current.CancellationToken);
            await Eventually.WaitAsync(
                () => watcher.Presence.Any(p => p.UserId == bob.Account.Id && p.State == PresenceState.Offline && p.LastSeenAt is not null),
                "Alice sees Bob go offline with a last-seen time: " + string.Join(",", watcher.Presence), ChatTestClient.Timeout);
        }
        finally
        {
            await tab1.DisposeAsync();
            await tab2.DisposeAsync();
        }
    }

    [Fact]
    public async Task AbruptlyKilledClient_GoesOfflineWithinTheClientTimeout()
    {
        var alice = await TestAccounts.SignInNewMemberAsync(App, "Alice Watcher");
        var bob = await TestAccounts.SignInNewMemberAsync(App, "Bob Killed");
        var group = await ChatTestGroups.CreateAsync(App, alice.Account, bob.Account);
        await using var watcher = await ChatTestClient.ConnectAsync(App, alice);
        await watcher.JoinGroupAsync(group.Id);
        await using var killed = await ChatTestClient.ConnectAsync(App, bob, silent: true);
        await killed.JoinGroupAsync(group.Id);
        var started = DateTime.UtcNow;

        // The silent client sends nothing more, as a killed process would; only the server's timeout can notice.
        await Eventually.WaitAsync(
            () => watcher.Presence.Any(p => p.UserId == bob.Account.Id && p.State == PresenceState.Offline),
            "Alice sees Bob go offline", TimeSpan.FromSeconds(40));

        Assert.InRange(DateTime.UtcNow - started, ChatAppFixture.ClientTimeout * 0.9, ChatAppFixture.ClientTimeout * 5);
    }

    [Fact]
    public void ProductionTimings_DropASilentClientWithinFortySeconds()
    {
        var defaults = new ChatOptions();

        Assert.True(defaults.ClientTimeoutInterval + defaults.KeepAliveInterval <= TimeSpan.FromSeconds(40));
        Assert.True(defaults.KeepAliveInterval * 2 <= defaults.ClientTimeoutInterval, "the client must be able to miss one ping");
        Assert.Equal(TimeSpan.FromMinutes(5), defaults.IdleAfter);
    }

    [Fact]
    public async Task Typing_ReachesTheOtherMembersWithAnExpiry()
    {
        await using var room = await ChatRoom.OpenAsync(App, "Alice Typist", "Bob Reader");
        var (a, b, channel) = (room.A, room.B, room.ChannelId);

        await a.InvokeAsync(nameof(ChatHub.Typing), channel);

        await Eventually.WaitAsync(() => b.Typing.Any(t => t.UserId == room.Alice.Account.Id), "Bob sees Alice typing", ChatTestClient.Timeout);
        var typing = b.Typing.First();
        Assert.StartsWith("Alice Typist", typing.DisplayName, StringComparison.Ordinal);
        Assert.InRange(typing.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), new ChatOptions().TypingDuration);
    }
}
