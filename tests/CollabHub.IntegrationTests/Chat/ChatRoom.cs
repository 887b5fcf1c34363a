using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>Two new members of a new private group, each connected to the hub and joined to its channel.</summary>
public sealed class ChatRoom : IAsyncDisposable
{
    private ChatRoom(Group group, Guid channelId, TestBrowser alice, TestBrowser bob, ChatTestClient a, ChatTestClient b) =>
        (Group, ChannelId, Alice, Bob, A, B) = (group, channelId, alice, bob, a, b);

    public Group Group { get; }

    public Guid ChannelId { get; }

    public TestBrowser Alice { get; }

    public TestBrowser Bob { get; }

    /// <summary>Alice's connection.</summary>
    public ChatTestClient A { get; }

    /// <summary>Bob's connection.</summary>
    public ChatTestClient B { get; }

    public static async Task<ChatRoom> OpenAsync(CollabHubApp app, string alice = "Alice", string bob = "Bob")
    {
        var aliceBrowser = await TestAccounts.SignInNewMemberAsync(app, $"{alice} {Guid.NewGuid():N}"[..(alice.Length + 7)]);
        var bobBrowser = await TestAccounts.SignInNewMemberAsync(app, $"{bob} {Guid.NewGuid():N}"[..(bob.Length + 7)]);
        var group = await ChatTestGroups.CreateAsync(app, aliceBrowser.Account, bobBrowser.Account);
        var a = await ChatTestClient.ConnectAsync(app, aliceBrowser);
        var b = await ChatTestClient.ConnectAsync(app, bobBrowser, messagePack: true);
        var channelId = (await a.JoinGroupAsync(group.Id)).ChannelId;
        await b.JoinGroupAsync(group.Id);
        return new ChatRoom(group, channelId, aliceBrowser, bobBrowser, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        Alice.Dispose();
        Bob.Dispose();
    }
}
