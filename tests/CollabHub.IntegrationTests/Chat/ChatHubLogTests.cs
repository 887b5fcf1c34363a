using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using Microsoft.AspNetCore.SignalR;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>What the chat hub leaves in the operators' log when members make ordinary mistakes.</summary>
public sealed class ChatHubLogTests(PostgresServer postgres)
{
    [Fact]
    public async Task Send_RefusedToTheSender_LeavesNoErrorInTheLog()
    {
        var logs = new CapturedLogs();
        await using var app = new CollabHubApp(await postgres.CreateDatabaseAsync(nameof(ChatHubLogTests)))
        {
            TestServices = logs.AddTo,
        };
        await using var room = await ChatRoom.OpenAsync(app);

        await Assert.ThrowsAsync<HubException>(() => room.A.SendAsync(room.ChannelId, new string('x', ChatMessage.BodyMaxLength + 1)));
        await Assert.ThrowsAsync<HubException>(() => room.A.SendAsync(Guid.NewGuid(), "Into a channel that does not exist"));
        await room.A.SendAsync(room.ChannelId, "Then a message that is fine");

        await room.B.WaitForMessageAsync("Then a message that is fine");
        Assert.Empty(logs.Errors);
    }
}
