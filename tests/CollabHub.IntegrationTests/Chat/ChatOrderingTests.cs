using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// Many members sending into one channel at once, over real hub connections (JSON and MessagePack): every connection
/// receives every message exactly once, in sequence order, and the sequence has no gap. Before the channel's writer
/// published in sequence order, commits n and n + 1 could publish as n + 1, n (seen in the chat benchmark).
/// </summary>
public sealed class ChatOrderingTests(FloodFreeChatAppFixture fixture) : IClassFixture<FloodFreeChatAppFixture>
{
    private const int Members = 8;
    private const int MessagesEach = 15;
    private readonly CollabHubApp app = fixture.App;

    [Fact]
    public async Task Send_ConcurrentlyIntoOneChannel_EveryReceiverSeesStrictlyIncreasingSequence()
    {
        var browsers = new List<TestBrowser>();
        var clients = new List<ChatTestClient>();
        try
        {
            for (var i = 0; i < Members; i++)
            {
                browsers.Add(await TestAccounts.SignInNewMemberAsync(app, $"Sender {i} {Guid.NewGuid():N}"[..16]));
            }

            var group = await ChatTestGroups.CreateAsync(app, [.. browsers.Select(b => b.Account)]);
            foreach (var browser in browsers)
            {
                // Two connections per member (JSON and MessagePack), each sending and receiving.
                clients.Add(await ChatTestClient.ConnectAsync(app, browser, messagePack: false));
                clients.Add(await ChatTestClient.ConnectAsync(app, browser, messagePack: true));
            }

            var channelId = Guid.Empty;
            foreach (var client in clients)
            {
                channelId = (await client.JoinGroupAsync(group.Id)).ChannelId;
            }

            var acknowledged = await Task.WhenAll(clients.Select(async (sender, s) =>
            {
                // Every send in flight at once from every sender (the server runs one invocation per connection at a time).
                var sends = Enumerable.Range(0, MessagesEach).Select(m => sender.SendAsync(channelId, $"From {s}, number {m}")).ToList();
                return await Task.WhenAll(sends);
            }));

            const int total = Members * 2 * MessagesEach;
            Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), acknowledged.SelectMany(a => a).Select(v => v.Seq).Order());
            foreach (var client in clients)
            {
                await Eventually.WaitAsync(() => client.Received.Count >= total, $"{client.UserId} receives all {total}", TimeSpan.FromSeconds(60));
            }

            foreach (var client in clients)
            {
                Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), client.Received.Select(m => m.Seq));
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            foreach (var browser in browsers)
            {
                browser.Dispose();
            }
        }
    }
}
