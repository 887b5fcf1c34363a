using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>What chat tells members who are not looking: direct messages while offline, mentions, unread counts.</summary>
public sealed class ChatNotificationTests(ChatAppFixture fixture) : IClassFixture<ChatAppFixture>
{
    private CollabHubApp App => fixture.App;

    private ChatService Chat => App.Services.GetRequiredService<ChatService>();

    [Fact]
    public async Task DirectMessage_ToAnOfflineMember_NotifiesThemWithALinkToTheConversation()
    {
        var (amina, ben) = await TwoColleaguesAsync();
        var conversation = await Chat.OpenDirectAsync(ChatPanelHarness.Caller(amina), ben.Id, TestContext.Current.CancellationToken);

        await Chat.SendAsync(ChatPanelHarness.Caller(amina), conversation.ChannelId, Guid.NewGuid(), "Are you **free** at `three`?", TestContext.Current.CancellationToken);

        var notification = Assert.Single(await NotificationsOfAsync(ben));
        Assert.Equal(NotificationKind.DirectMessage, notification.Kind);
        Assert.Equal($"conversation:{conversation.ChannelId}", notification.Subject);
        Assert.Equal($"/messages/{conversation.ChannelId}", notification.Url);
        Assert.Equal(amina.Id, notification.ActorId);
        Assert.Equal("Are you free at three?", notification.Excerpt); // as it reads, without its Markdown
        Assert.Empty(await NotificationsOfAsync(amina));
    }

    [Fact]
    public async Task DirectMessage_ToAConnectedMember_DoesNotNotify_ButTellsThemTheUnreadCount()
    {
        var (amina, ben) = await TwoColleaguesAsync();
        using var bensBrowser = await TestAccounts.SignInAsync(App, ben);
        await using var bensClient = await ChatTestClient.ConnectAsync(App, bensBrowser);
        var conversation = await Chat.OpenDirectAsync(ChatPanelHarness.Caller(amina), ben.Id, TestContext.Current.CancellationToken);
        // The client's start completes at the handshake; the hub counts the connection a moment later.
        await Eventually.WaitAsync(
            () => App.Services.GetRequiredService<ChatPresence>().Get(ben.Id).State != PresenceState.Offline, "Ben's connection counts as online");

        await Chat.SendAsync(ChatPanelHarness.Caller(amina), conversation.ChannelId, Guid.NewGuid(), "Quick question", TestContext.Current.CancellationToken);
        await Chat.SendAsync(ChatPanelHarness.Caller(amina), conversation.ChannelId, Guid.NewGuid(), "Never mind", TestContext.Current.CancellationToken);

        // Ben never joined the conversation: the read state reaches him on his own topic.
        await Eventually.WaitAsync(
            () => bensClient.ReadStates.Any(s => s.ChannelId == conversation.ChannelId && s.Unread == 2),
            "Ben hears he has two unread messages");
        Assert.Empty(await NotificationsOfAsync(ben));
    }

    [Fact]
    public async Task Mention_InGroupChat_NotifiesTheMentionedMember_AndNobodyOutsideTheGroup()
    {
        var amina = await TestAccounts.CreateAsync(App, $"Amina {Guid.NewGuid():N}"[..13]);
        var ben = await TestAccounts.CreateAsync(App, $"Ben {Guid.NewGuid():N}"[..11]);
        var outsider = await TestAccounts.CreateAsync(App, $"Omar {Guid.NewGuid():N}"[..12]);
        var group = await ChatTestGroups.CreateAsync(App, amina, ben);
        var channel = await Chat.OpenGroupChannelAsync(ChatPanelHarness.Caller(amina), group.Id, TestContext.Current.CancellationToken);

        await Chat.SendAsync(
            ChatPanelHarness.Caller(amina), channel.ChannelId, Guid.NewGuid(), $"@**{ben.DisplayName}** and @**{outsider.DisplayName}**, see the brief", TestContext.Current.CancellationToken);

        var notification = Assert.Single(await NotificationsOfAsync(ben));
        Assert.Equal(NotificationKind.Mention, notification.Kind);
        Assert.Equal($"chat:{channel.ChannelId}", notification.Subject);
        Assert.Equal($"/groups/{group.Slug}/chat", notification.Url);
        Assert.Equal(group.Id, notification.GroupId);
        Assert.Empty(await NotificationsOfAsync(outsider));
    }

    [Fact]
    public async Task RefusedMessage_NotifiesNobody()
    {
        var (amina, ben) = await TwoColleaguesAsync();
        var conversation = await Chat.OpenDirectAsync(ChatPanelHarness.Caller(amina), ben.Id, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ChatRefusedException>(() =>
            Chat.SendAsync(ChatPanelHarness.Caller(amina), conversation.ChannelId, Guid.NewGuid(), new string('x', ChatMessage.BodyMaxLength + 1), TestContext.Current.CancellationToken));

        Assert.Empty(await NotificationsOfAsync(ben));
    }

    [Fact]
    public async Task Channels_AfterMessagesAndReading_CountUnreadPerChannel()
    {
        var (amina, ben) = await TwoColleaguesAsync();
        var group = await ChatTestGroups.CreateAsync(App, amina, ben);
        var channel = await Chat.OpenGroupChannelAsync(ChatPanelHarness.Caller(amina), group.Id, TestContext.Current.CancellationToken);
        for (var i = 0; i < 3; i++)
        {
            await Chat.SendAsync(ChatPanelHarness.Caller(amina), channel.ChannelId, Guid.NewGuid(), $"Point {i}", TestContext.Current.CancellationToken);
        }

        var before = (await Chat.ChannelsAsync(ChatPanelHarness.Caller(ben), TestContext.Current.CancellationToken)).Single(c => c.GroupId == group.Id);
        await Chat.MarkReadAsync(ChatPanelHarness.Caller(ben), channel.ChannelId, 2, TestContext.Current.CancellationToken);
        var after = (await Chat.ChannelsAsync(ChatPanelHarness.Caller(ben), TestContext.Current.CancellationToken)).Single(c => c.GroupId == group.Id);

        Assert.Equal(3, before.Unread);
        Assert.Equal(1, after.Unread);
    }

    private async Task<(ApplicationUser, ApplicationUser)> TwoColleaguesAsync()
    {
        var amina = await TestAccounts.CreateAsync(App, "Amina");
        var ben = await TestAccounts.CreateAsync(App, "Ben");
        await ChatTestGroups.CreateAsync(App, amina, ben);
        return (amina, ben);
    }

    private async Task<List<Notification>> NotificationsOfAsync(ApplicationUser user)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Notifications.Where(n => n.RecipientId == user.Id).ToListAsync(TestContext.Current.CancellationToken);
    }
}
