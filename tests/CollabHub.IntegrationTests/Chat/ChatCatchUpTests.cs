using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using Microsoft.AspNetCore.SignalR.Client;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// The reconnect recipe from the README under load: a reader that keeps getting disconnected rejoins, asks for
/// everything after its last sequence number, and ends with every message exactly once, in order.
/// </summary>
public sealed class ChatCatchUpTests(FloodFreeChatAppFixture fixture) : IClassFixture<FloodFreeChatAppFixture>
{
    private const int MessageCount = 2_000;
    private readonly CollabHubApp app = fixture.App;

    [Fact]
    public async Task Reader_DisconnectedAtRandom_CatchesUpWithEveryMessageOnceInOrder()
    {
        var alice = await TestAccounts.SignInNewMemberAsync(app, "Alice Sender");
        var bob = await TestAccounts.SignInNewMemberAsync(app, "Bob Reader");
        var group = await ChatTestGroups.CreateAsync(app, alice.Account, bob.Account);
        await using var sender = await ChatTestClient.ConnectAsync(app, alice, messagePack: true);
        var channel = (await sender.JoinGroupAsync(group.Id)).ChannelId;
        var reader = new CatchingUpReader(app, bob, group.Id, channel);
        var random = new Random(20_240_605);
        var sent = new List<Guid>(MessageCount);
        var disconnects = 0;
        try
        {
            await reader.ConnectAsync();
            for (var i = 1; i <= MessageCount; i++)
            {
                var id = Guid.NewGuid();
                sent.Add(id);
                await sender.SendAsync(channel, $"Message {i}", id);
                if (random.Next(100) == 0)
                {
                    disconnects++;
                    await reader.DropAndReconnectAsync();
                }
            }

            await Eventually.WaitAsync(() => reader.LastSeq == MessageCount, "the reader has every message", TimeSpan.FromSeconds(60));
            await reader.CatchUpAsync();
        }
        finally
        {
            await reader.DisposeAsync();
        }

        Assert.True(disconnects >= 10, $"only {disconnects} disconnects");
        Assert.Equal(Enumerable.Range(1, MessageCount).Select(i => (long)i), reader.Messages.Select(m => m.Seq));
        Assert.Equal(sent, reader.Messages.Select(m => m.ClientMessageId));
    }

    /// <summary>A client following the README's recipe: apply in sequence, ignore what it has, fill gaps with MessagesAfter.</summary>
    private sealed class CatchingUpReader(CollabHubApp app, TestBrowser browser, Guid groupId, Guid channelId) : IAsyncDisposable
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private ChatTestClient? client;

        public List<ChatMessageView> Messages { get; } = [];

        public long LastSeq => Messages.Count == 0 ? 0 : Messages[^1].Seq;

        public async Task ConnectAsync()
        {
            client = await ChatTestClient.ConnectAsync(app, browser);
            client.Connection.On<ChatMessageView>(nameof(IChatClient.MessageReceived), OnLiveAsync);
            await client.JoinGroupAsync(groupId);
            await CatchUpAsync();
        }

        public async Task DropAndReconnectAsync()
        {
            await client!.DisposeAsync();
            await ConnectAsync();
        }

        public async Task CatchUpAsync()
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                while (true)
                {
                    var page = await client!.InvokeAsync<IReadOnlyList<ChatMessageView>>(nameof(ChatHub.MessagesAfter), channelId, LastSeq, ChatService.PageSize);
                    Apply(page);
                    if (page.Count < ChatService.PageSize)
                    {
                        return;
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }

        private async Task OnLiveAsync(ChatMessageView message)
        {
            bool gap;
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                gap = message.Seq > LastSeq + 1;
                if (!gap)
                {
                    Apply([message]);
                }
            }
            finally
            {
                gate.Release();
            }

            if (gap)
            {
                await CatchUpAsync();
            }
        }

        private void Apply(IEnumerable<ChatMessageView> messages)
        {
            foreach (var message in messages)
            {
                if (message.Seq == LastSeq + 1)
                {
                    Messages.Add(message);
                }
            }
        }
    }
}
