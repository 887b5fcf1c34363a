using System.Security.Claims;
using Bunit;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>The unread badges as an interactive island sees them: loaded from the database, then kept live.</summary>
public sealed class ChatUnreadBadgeTests : BunitContext, IClassFixture<ChatAppFixture>
{
    private readonly ChatAppFixture fixture;

    public ChatUnreadBadgeTests(ChatAppFixture fixture)
    {
        this.fixture = fixture;
        ChatPanelHarness.AddChatServices(Services, fixture.App);
    }

    private CollabHubApp App => fixture.App;

    private ChatService Chat => App.Services.GetRequiredService<ChatService>();

    [Fact]
    public async Task GroupBadge_CountsNewMessagesLive_AndClearsWhenRead()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        await room.SendAsync(room.Amina, "Before Ben looked");
        SignIn(room.Ben);
        var groupId = (await Chat.GetChannelAsync(ChatPanelHarness.Caller(room.Ben), room.ChannelId, Xunit.TestContext.Current.CancellationToken)).GroupId;

        var badge = Render<ChatUnreadBadge>(p => p.Add(b => b.GroupId, groupId).Add(b => b.Verbose, true));
        badge.WaitForAssertion(() => Assert.Equal("1 unread in chat", badge.Find(".chat-unread").TextContent), ChatTestClient.Timeout);

        await room.SendAsync(room.Amina, "One more");
        badge.WaitForAssertion(() => Assert.Equal("2 unread in chat", badge.Find(".chat-unread").TextContent), ChatTestClient.Timeout);

        await Chat.MarkReadAsync(ChatPanelHarness.Caller(room.Ben), room.ChannelId, 2, Xunit.TestContext.Current.CancellationToken);
        badge.WaitForAssertion(() => Assert.Empty(badge.FindAll(".chat-unread")), ChatTestClient.Timeout);
    }

    [Fact]
    public async Task DirectBadge_ANewConversationAppearsLive()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        SignIn(room.Ben);
        var badge = Render<ChatUnreadBadge>();
        Assert.Empty(badge.FindAll(".chat-unread"));

        var conversation = await Chat.OpenDirectAsync(ChatPanelHarness.Caller(room.Amina), room.Ben.Id, Xunit.TestContext.Current.CancellationToken);
        await Chat.SendAsync(ChatPanelHarness.Caller(room.Amina), conversation.ChannelId, Guid.NewGuid(), "Hello Ben", Xunit.TestContext.Current.CancellationToken);

        badge.WaitForAssertion(() => Assert.Equal("1 unread", badge.Find(".chat-unread").TextContent), ChatTestClient.Timeout);
    }

    /// <summary>Signs the member in and makes the renderer interactive (as in a circuit), so the badges go live.</summary>
    private void SignIn(ApplicationUser member)
    {
        AddAuthorization().SetAuthorized(member.DisplayName).SetClaims(new Claim(ClaimTypes.NameIdentifier, member.Id));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }
}
