using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// Storing where a member has read to, which every open tab does as messages are read: it only moves forward, and it
/// costs the access check and at most one statement.
/// </summary>
public sealed class ChatReadPositionTests(PostgresServer postgres) : IAsyncLifetime
{
    // The chat's statements (the access check reads chat_channels); nothing in the background touches chat tables.
    private readonly CommandTextCounter statements = new("chat_");
    private readonly CommandTextCounter writes = new("INSERT INTO chat_read_positions");
    private CollabHubApp app = null!;

    public async ValueTask InitializeAsync() =>
        app = new CollabHubApp(await postgres.CreateDatabaseAsync(nameof(ChatReadPositionTests)))
        {
            TestServices = services => services.AddSingleton<IInterceptor>(statements).AddSingleton<IInterceptor>(writes),
        };

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task MovingForward_IsTheCheckAndOneStatement_WhereItStandsOrBehind_WritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var room = await ChatPanelHarness.RoomAsync(app);
        for (var i = 1; i <= 3; i++)
        {
            await room.SendAsync(room.Ben, $"Message {i}");
        }

        var chat = app.Services.GetRequiredService<ChatService>();
        var amina = ChatPanelHarness.Caller(room.Amina);
        var (before, written) = (statements.Count, writes.Count);

        var state = await chat.MarkReadAsync(amina, room.ChannelId, 2, ct);
        Assert.Equal(new ChatReadState(room.ChannelId, 2, 3), state);
        Assert.Equal(2, statements.Count - before); // was 3: the check, the write, reading it back
        Assert.Equal(written + 1, writes.Count);

        // Another tab of hers, where it stands or behind: the same answer, nothing written, never back.
        before = statements.Count;
        Assert.Equal(2, (await chat.MarkReadAsync(amina, room.ChannelId, 2, ct)).LastReadSeq);
        Assert.Equal(2, (await chat.MarkReadAsync(amina, room.ChannelId, 1, ct)).LastReadSeq);
        Assert.Equal(2, statements.Count - before);
        Assert.Equal(written + 1, writes.Count);

        // Past the last message: the last message.
        Assert.Equal(new ChatReadState(room.ChannelId, 3, 3), await chat.MarkReadAsync(amina, room.ChannelId, 99, ct));
        Assert.Equal(3, (await chat.MarkReadAsync(amina, room.ChannelId, 3, ct)).LastReadSeq);
        Assert.Equal(written + 2, writes.Count);
    }
}
