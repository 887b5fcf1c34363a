using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>The chat hub's contract through real SignalR connections on a real database.</summary>
public sealed class ChatHubTests(ChatAppFixture fixture) : IClassFixture<ChatAppFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task Send_InGroupChannel_ReachesEveryMemberAndNoOneElse()
    {
        var (alice, bob, carol) = (await SignInAsync("Alice"), await SignInAsync("Bob"), await SignInAsync("Carol"));
        var group = await ChatTestGroups.CreateAsync(App, alice.Account, bob.Account);
        var other = await ChatTestGroups.CreateAsync(App, carol.Account);
        await using var a = await ChatTestClient.ConnectAsync(App, alice);
        await using var b = await ChatTestClient.ConnectAsync(App, bob, messagePack: true);
        await using var c = await ChatTestClient.ConnectAsync(App, carol);
        var channel = (await a.JoinGroupAsync(group.Id)).ChannelId;
        await b.JoinGroupAsync(group.Id);
        var carolsChannel = (await c.JoinGroupAsync(other.Id)).ChannelId;

        var sent = await a.SendAsync(channel, "Hello **team**");
        await c.SendAsync(carolsChannel, "Only for my group");

        Assert.Equal(1, sent.Seq);
        await a.WaitForMessageAsync("Hello **team**");
        await b.WaitForMessageAsync("Hello **team**");
        await c.WaitForMessageAsync("Only for my group");
        Assert.DoesNotContain(c.Received, m => m.ChannelId == channel);
        Assert.DoesNotContain(b.Received, m => m.ChannelId == carolsChannel);
        Assert.Equal("Alice", b.Received.Single().AuthorName[..5]);
    }

    [Fact]
    public async Task NonMember_JoinSendHistoryTypingAndCatchUp_AreAllRefused()
    {
        var (alice, mallory) = (await SignInAsync("Alice"), await SignInAsync("Mallory"));
        var group = await ChatTestGroups.CreateAsync(App, GroupVisibility.Public, (alice.Account, GroupRole.Member));
        await using var a = await ChatTestClient.ConnectAsync(App, alice);
        await using var m = await ChatTestClient.ConnectAsync(App, mallory);
        var channel = (await a.JoinGroupAsync(group.Id)).ChannelId;
        await a.SendAsync(channel, "Members only");

        var refusals = new[]
        {
            await Assert.ThrowsAsync<HubException>(() => m.JoinGroupAsync(group.Id)),
            await Assert.ThrowsAsync<HubException>(() => m.InvokeAsync<ChannelJoined>(nameof(ChatHub.JoinChannel), channel)),
            await Assert.ThrowsAsync<HubException>(() => m.SendAsync(channel, "Let me in")),
            await Assert.ThrowsAsync<HubException>(() => m.InvokeAsync<IReadOnlyList<ChatMessageView>>(nameof(ChatHub.History), channel, 100L, 50)),
            await Assert.ThrowsAsync<HubException>(() => m.InvokeAsync(nameof(ChatHub.Typing), channel)),
            await Assert.ThrowsAsync<HubException>(() => m.InvokeAsync<IReadOnlyList<ChatMessageView>>(nameof(ChatHub.MessagesAfter), channel, 0L, 50)),
            await Assert.ThrowsAsync<HubException>(() => m.InvokeAsync<ChannelJoined>(nameof(ChatHub.JoinChannel), Guid.NewGuid())),
        };

        Assert.All(refusals, e => Assert.Contains(ChatService.NoSuchChannel, e.Message, StringComparison.Ordinal));
        var history = await a.InvokeAsync<IReadOnlyList<ChatMessageView>>(nameof(ChatHub.History), channel, long.MaxValue, 100);
        Assert.Equal(["Members only"], history.Select(h => h.Body));
        Assert.Empty(a.Typing);
    }

    [Fact]
    public async Task RemovedMember_StopsReceivingAtOnce_AndIsRefusedAfterwards()
    {
        var (alice, bob) = (await SignInAsync("Alice"), await SignInAsync("Bob"));
        var group = await ChatTestGroups.CreateAsync(App, alice.Account, bob.Account);
        await using var a = await ChatTestClient.ConnectAsync(App, alice);
        await using var b1 = await ChatTestClient.ConnectAsync(App, bob);
        await using var b2 = await ChatTestClient.ConnectAsync(App, bob);
        var channel = (await a.JoinGroupAsync(group.Id)).ChannelId;
        await b1.JoinGroupAsync(group.Id);
        await b2.JoinGroupAsync(group.Id);

        await ChatTestGroups.RemoveMemberAsync(App, group, bob.Account);

        await Eventually.WaitAsync(() => b1.Closed.Contains(channel) && b2.Closed.Contains(channel), "both of Bob's connections are told the channel closed", ChatTestClient.Timeout);
        await a.SendAsync(channel, "After Bob left");
        await a.WaitForMessageAsync("After Bob left");
        Assert.Empty(b1.Received);
        Assert.Empty(b2.Received);
        await Assert.ThrowsAsync<HubException>(() => b1.SendAsync(channel, "Still here?"));
    }

    [Fact]
    public async Task SuspendedMember_IsDisconnectedAtOnce()
    {
        var (alice, bob) = (await SignInAsync("Alice"), await SignInAsync("Bob"));
        var admin = await TestAccounts.CreateAsync(App, "Admin", SiteRoles.Administrator);
        var group = await ChatTestGroups.CreateAsync(App, alice.Account, bob.Account);
        await using var a = await ChatTestClient.ConnectAsync(App, alice);
        await using var b = await ChatTestClient.ConnectAsync(App, bob);
        var channel = (await a.JoinGroupAsync(group.Id)).ChannelId;
        await b.JoinGroupAsync(group.Id);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<MemberAdministrationService>()
                .SuspendAsync(await TestAccounts.PrincipalAsync(App, admin), bob.Account.Id, "Spam.", TestContext.Current.CancellationToken);
            Assert.True(outcome.Succeeded, outcome.Message);
        }

        await b.ConnectionEnded.Task.WaitAsync(ChatTestClient.Timeout, TestContext.Current.CancellationToken);
        await a.SendAsync(channel, "After the suspension");
        await a.WaitForMessageAsync("After the suspension");
        Assert.Empty(b.Received);
    }

    [Fact]
    public async Task Send_RetriedWithTheSameClientMessageId_IsStoredAndDeliveredOnce()
    {
        await using var room = await ChatRoom.OpenAsync(App);
        var (a, b, channel) = (room.A, room.B, room.ChannelId);
        var id = Guid.NewGuid();

        var first = await a.SendAsync(channel, "Only once", id);
        var retry = await a.SendAsync(channel, "Only once", id);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => a.SendAsync(channel, "Raced", Guid.Parse("00000000-0000-0000-0000-00000000000a"))));
        await a.SendAsync(channel, "Marker");

        Assert.Equal(first.Seq, retry.Seq);
        Assert.Equal(first.Id, retry.Id);
        Assert.Single(concurrent.Select(c => c.Seq).Distinct());
        await b.WaitForMessageAsync("Marker");
        Assert.Equal(["Only once", "Raced", "Marker"], b.Received.Select(m => m.Body));
        Assert.Equal([1L, 2L, 3L], b.Received.Select(m => m.Seq));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ChatMessages.CountAsync(m => m.ChannelId == channel, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Send_EmptyOrOverLong_IsRefusedToTheSenderAndNothingIsStored()
    {
        await using var room = await ChatRoom.OpenAsync(App);
        var (a, b, channel) = (room.A, room.B, room.ChannelId);

        var empty = await Assert.ThrowsAsync<HubException>(() => a.SendAsync(channel, "   "));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => a.SendAsync(channel, new string('x', ChatMessage.BodyMaxLength + 1)));
        await a.SendAsync(channel, new string('y', ChatMessage.BodyMaxLength));

        Assert.Contains("Write something", empty.Message, StringComparison.Ordinal);
        Assert.Contains("at most 4,000 characters", tooLong.Message, StringComparison.Ordinal);
        await b.WaitForMessageAsync(new string('y', ChatMessage.BodyMaxLength));
        Assert.Equal([1L], b.Received.Select(m => m.Seq));
    }

    [Fact]
    public async Task EditAndDelete_OwnOrAsModerator_AreAllowed_SomeoneElsesIsRefused()
    {
        var (alice, bob, mod) = (await SignInAsync("Alice"), await SignInAsync("Bob"), await SignInAsync("Moderator"));
        var group = await ChatTestGroups.CreateAsync(App, GroupVisibility.Private,
            (alice.Account, GroupRole.Member), (bob.Account, GroupRole.Member), (mod.Account, GroupRole.Moderator));
        await using var a = await ChatTestClient.ConnectAsync(App, alice);
        await using var b = await ChatTestClient.ConnectAsync(App, bob);
        await using var m = await ChatTestClient.ConnectAsync(App, mod);
        var channel = (await a.JoinGroupAsync(group.Id)).ChannelId;
        await b.JoinGroupAsync(group.Id);
        await m.JoinGroupAsync(group.Id);
        var first = await a.SendAsync(channel, "Frist");
        var second = await a.SendAsync(channel, "Rude remark");

        var edited = await a.InvokeAsync<ChatMessageView>(nameof(ChatHub.Edit), channel, first.Seq, "First");
        var notYours = await Assert.ThrowsAsync<HubException>(() => b.InvokeAsync<ChatMessageView>(nameof(ChatHub.Edit), channel, first.Seq, "Hijacked"));
        var notYoursToDelete = await Assert.ThrowsAsync<HubException>(() => b.InvokeAsync<ChatMessageView>(nameof(ChatHub.Delete), channel, second.Seq));
        await m.InvokeAsync<ChatMessageView>(nameof(ChatHub.Delete), channel, second.Seq);

        Assert.Equal("First", edited.Body);
        Assert.NotNull(edited.EditedAt);
        Assert.Contains("only edit your own", notYours.Message, StringComparison.Ordinal);
        Assert.Contains("only delete your own", notYoursToDelete.Message, StringComparison.Ordinal);
        await Eventually.WaitAsync(() => b.Edited.Any(e => e.Body == "First") && b.Deleted.Any(d => d.Seq == second.Seq), "Bob sees the edit and the deletion", ChatTestClient.Timeout);
        var history = await b.InvokeAsync<IReadOnlyList<ChatMessageView>>(nameof(ChatHub.History), channel, long.MaxValue, 100);
        Assert.Equal([("First", false), ("", true)], history.Select(h => (h.Body, h.IsDeleted)));
    }

    [Fact]
    public async Task Send_MoreThanTheFloodLimit_IsRefusedToTheSenderOnly()
    {
        var (alice, bob, newcomer) = (await SignInAsync("Alice"), await SignInAsync("Bob"), await SignInAsync("Newcomer"));
        await ChatTestGroups.AgeAsync(App, alice.Account, TimeSpan.FromDays(30));
        var group = await ChatTestGroups.CreateAsync(App, alice.Account, bob.Account, newcomer.Account);
        await using var a = await ChatTestClient.ConnectAsync(App, alice);
        await using var b = await ChatTestClient.ConnectAsync(App, bob);
        await using var n = await ChatTestClient.ConnectAsync(App, newcomer);
        var channel = (await a.JoinGroupAsync(group.Id)).ChannelId;
        await b.JoinGroupAsync(group.Id);
        await n.JoinGroupAsync(group.Id);

        for (var i = 1; i <= 10; i++)
        {
            await a.SendAsync(channel, $"Message {i}");
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => a.SendAsync(channel, "Message 11"));
        for (var i = 1; i <= 3; i++)
        {
            await n.SendAsync(channel, $"New {i}");
        }

        var newcomerRefused = await Assert.ThrowsAsync<HubException>(() => n.SendAsync(channel, "New 4"));
        await b.SendAsync(channel, "Bob is not limited by Alice");

        Assert.Contains("too quickly (at most 10 in 10 seconds)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("at most 3 in 10 seconds", newcomerRefused.Message, StringComparison.Ordinal);
        await b.WaitForMessageAsync("Bob is not limited by Alice");
        Assert.DoesNotContain(b.Received, m => m.Body is "Message 11" or "New 4");
        Assert.Equal(14, b.Received.Count);
    }

    [Fact]
    public async Task MarkRead_OnOneDevice_MovesTheReadPositionOnTheOthers()
    {
        var (alice, bob) = (await SignInAsync("Alice"), await SignInAsync("Bob"));
        var group = await ChatTestGroups.CreateAsync(App, alice.Account, bob.Account);
        await using var a = await ChatTestClient.ConnectAsync(App, alice);
        await using var phone = await ChatTestClient.ConnectAsync(App, bob);
        await using var laptop = await ChatTestClient.ConnectAsync(App, bob);
        var channel = (await a.JoinGroupAsync(group.Id)).ChannelId;
        await a.SendAsync(channel, "One");
        var two = await a.SendAsync(channel, "Two");

        var joined = await laptop.JoinGroupAsync(group.Id);
        var read = await phone.InvokeAsync<ChatReadState>(nameof(ChatHub.MarkRead), channel, two.Seq);
        var rejoined = await laptop.JoinGroupAsync(group.Id);

        Assert.Equal((2L, 0L), (joined.LastSeq, joined.LastReadSeq));
        Assert.Equal(0, read.Unread);
        await Eventually.WaitAsync(() => laptop.ReadStates.Any(r => r.ChannelId == channel && r.LastReadSeq == 2), "the laptop hears of the read position", ChatTestClient.Timeout);
        Assert.Equal(2L, rejoined.LastReadSeq);
    }

    private async Task<TestBrowser> SignInAsync(string name) =>
        await TestAccounts.SignInNewMemberAsync(App, $"{name} {Guid.NewGuid():N}"[..(name.Length + 7)]);
}
