using CollabHub.IntegrationTests.Discussions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>Each discussion and group kind is produced by its trigger, for the right people, and never for the person who acted.</summary>
public sealed class NotificationTriggerTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Reply_NotifiesStarterAndFollowers_NotTheReplier()
    {
        var group = await Data.GroupAsync(name: "Budget group");
        var starter = await Data.MemberAsync(group, "Sara Starter");
        var follower = await Data.MemberAsync(group, "Fola Follower");
        var replier = await Data.MemberAsync(group, "Rami Replier");
        var thread = await Data.ThreadAsync(group, starter, "Budget 2027");
        await Data.Service.ReplyAsync(DiscussionTestData.Principal(follower), thread.ThreadId, "I follow now.", cancellationToken: Ct);

        await Data.Service.ReplyAsync(DiscussionTestData.Principal(replier), thread.ThreadId, "Here is my view.", cancellationToken: Ct);

        var toStarter = (await fixture.StoredAsync(starter)).Where(n => n.Kind == NotificationKind.Reply).ToList();
        Assert.Equal(2, toStarter.Count);
        Assert.Equal(replier.Id, toStarter[^1].ActorId);
        Assert.Equal("Budget 2027", toStarter[^1].Title);
        Assert.Equal(NotificationKind.Reply, Assert.Single(await fixture.StoredAsync(follower), n => n.ActorId == replier.Id).Kind);
        Assert.DoesNotContain(await fixture.StoredAsync(replier), n => n.Kind == NotificationKind.Reply);
        var list = await fixture.Notifications.ListAsync(NotificationsFixture.Viewer(starter), 1, cancellationToken: Ct);
        var item = Assert.Single(list.Items, i => i.Kind == NotificationKind.Reply);
        Assert.Equal(2, item.Count);
        Assert.Equal("2 new replies in Budget 2027, latest by Rami Replier", NotificationMailer.Describe(item.Kind, item.ActorName, item.Title, item.Count));
    }

    [Fact]
    public async Task Mention_NotifiesTheMentionedOnce_NotAsReplyToo_AndMailsAtOnceWithUnsubscribe()
    {
        var group = await Data.GroupAsync();
        var starter = await Data.MemberAsync(group, "Mina Mentioned");
        var author = await Data.MemberAsync(group, "Abel Author");
        var thread = await Data.ThreadAsync(group, starter, "Field notes");

        await Data.Service.ReplyAsync(DiscussionTestData.Principal(author), thread.ThreadId, "Thanks @**Mina Mentioned** for this.", cancellationToken: Ct);

        var mine = (await fixture.StoredAsync(starter)).Where(n => n.ActorId == author.Id).ToList();
        Assert.Equal(NotificationKind.Mention, Assert.Single(mine).Kind);
        var mail = Assert.Single(await fixture.MailToAsync(starter));
        Assert.Equal("Abel Author mentioned you in Field notes", mail.Subject);
        Assert.StartsWith("https://hub.test/notifications/unsubscribe?token=", mail.UnsubscribeUrl);
        Assert.Contains(mail.UnsubscribeUrl!, mail.TextBody);
        Assert.Empty(await fixture.MailToAsync(author));
    }

    [Fact]
    public async Task Mention_ExcerptInTheListAndTheMail_ReadsAsThePost_WithoutItsMarkdown()
    {
        var group = await Data.GroupAsync();
        var starter = await Data.MemberAsync(group, "Noor Named");
        var author = await Data.MemberAsync(group, "Omar Marks");
        var thread = await Data.ThreadAsync(group, starter, "Which indicators?");

        await Data.Service.ReplyAsync(
            DiscussionTestData.Principal(author), thread.ThreadId,
            "@**Noor Named**, we need **civic space** indicators:\n\n- see [the brief](https://example.org/brief)\n- and _yours_",
            cancellationToken: Ct);

        const string AsItReads = "@Noor Named, we need civic space indicators: see the brief and yours";
        var list = await fixture.Notifications.ListAsync(NotificationsFixture.Viewer(starter), 1, cancellationToken: Ct);
        Assert.Equal(AsItReads, Assert.Single(list.Items, i => i.Kind == NotificationKind.Mention).Excerpt);
        var mail = Assert.Single(await fixture.MailToAsync(starter));
        Assert.Contains(AsItReads, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Which indicators?.", mail.TextBody, StringComparison.Ordinal); // the title's own mark ends the sentence
        Assert.DoesNotContain("**", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartThread_NotifiesFollowersOfTheGroup_NotThoseWhoTurnedItOff_NotTheAuthor_MailsOnlyInTheDigest()
    {
        var group = await Data.GroupAsync();
        var author = await Data.MemberAsync(group, "Tess Thread");
        var follower = await Data.MemberAsync(group, "Gil Group");
        var quiet = await Data.MemberAsync(group, "Quinn Quiet");
        var preferences = fixture.App.Services.GetRequiredService<NotificationPreferencesService>();
        await preferences.SaveAsync(quiet.Id, new Dictionary<NotificationKind, EmailDelivery>(), new Dictionary<Guid, bool> { [group.Id] = false }, Ct);

        var thread = await Data.ThreadAsync(group, author, "Kick-off");

        var told = Assert.Single(await fixture.StoredAsync(follower));
        Assert.Equal((NotificationKind.NewThread, author.Id, "Kick-off"), (told.Kind, told.ActorId, told.Title));
        Assert.Equal("/" + $"groups/{group.Slug}/discussions/{thread.ThreadId:D}?post=1#post-1", told.Url);
        Assert.Empty(await fixture.StoredAsync(quiet));
        Assert.Empty(await fixture.StoredAsync(author));
        Assert.Empty(await fixture.MailToAsync(follower));
    }

    [Fact]
    public async Task JoinRequest_NotifiesModerators_DecisionsNotifyTheRequester_NeverTheActor()
    {
        var group = await RequestGroupAsync();
        var owner = await Data.MemberAsync(group, "Olu Owner", GroupRole.Owner);
        var moderator = await Data.MemberAsync(group, "Mo Derator", GroupRole.Moderator);
        var member = await Data.MemberAsync(group, "Plain Member");
        var asker = await Data.AccountAsync("Ada Asker");
        var declined = await Data.AccountAsync("Dee Declined");
        var memberships = ActivatorUtilities.CreateInstance<GroupMembershipService>(fixture.App.Services);

        await memberships.RequestToJoinAsync(NotificationsFixture.Viewer(asker), group.Slug, "Please let me in.", Ct);
        await memberships.RequestToJoinAsync(NotificationsFixture.Viewer(declined), group.Slug, null, Ct);

        var toModerator = (await fixture.StoredAsync(moderator)).Where(n => n.Kind == NotificationKind.JoinRequest).ToList();
        Assert.Equal(2, toModerator.Count);
        Assert.Equal(2, (await fixture.StoredAsync(owner)).Count(n => n.Kind == NotificationKind.JoinRequest));
        Assert.Empty(await fixture.StoredAsync(member));
        var collapsed = Assert.Single((await fixture.Notifications.ListAsync(NotificationsFixture.Viewer(moderator), 1, cancellationToken: Ct)).Items);
        Assert.Equal(("Dee Declined", 2), (collapsed.ActorName, collapsed.Count));

        Dictionary<string, Guid> requests;
        await using (var db = await Data.ContextAsync())
        {
            requests = await db.GroupJoinRequests.Where(r => r.GroupId == group.Id).ToDictionaryAsync(r => r.UserId, r => r.Id, Ct);
        }

        await memberships.ApproveRequestAsync(NotificationsFixture.Viewer(moderator), group.Slug, requests[asker.Id], Ct);
        await memberships.DeclineRequestAsync(NotificationsFixture.Viewer(moderator), group.Slug, requests[declined.Id], "Not this time.", Ct);

        var approved = Assert.Single(await fixture.StoredAsync(asker));
        Assert.Equal((NotificationKind.JoinApproved, moderator.Id, $"/groups/{group.Slug}"), (approved.Kind, approved.ActorId, approved.Url));
        Assert.Equal(NotificationKind.JoinDeclined, Assert.Single(await fixture.StoredAsync(declined)).Kind);
        Assert.DoesNotContain(await fixture.StoredAsync(moderator), n => n.Kind is NotificationKind.JoinApproved or NotificationKind.JoinDeclined);
        // Groups mail the decision themselves; the notifier adds no second mail.
        Assert.Single(await fixture.MailToAsync(asker));
    }

    [Fact]
    public async Task Invite_ExistingAccount_NotifiesThemWithTheInvitationLink_NotTheInviter()
    {
        var group = await Data.GroupAsync(GroupVisibility.Hidden, "Quiet circle");
        var moderator = await Data.MemberAsync(group, "Ivy Inviter", GroupRole.Owner);
        var invitee = await Data.AccountAsync("Ian Invitee");
        var invitations = ActivatorUtilities.CreateInstance<GroupInvitationService>(fixture.App.Services);

        var outcome = await invitations.InviteAsync(NotificationsFixture.Viewer(moderator), group.Slug, invitee.Email, Ct);

        Assert.True(outcome.Succeeded, outcome.Message);
        var told = Assert.Single(await fixture.StoredAsync(invitee));
        Assert.Equal((NotificationKind.Invitation, moderator.Id, "Quiet circle"), (told.Kind, told.ActorId, told.Title));
        Assert.StartsWith("/groups/invitations/", told.Url);
        Assert.Equal(1, await fixture.Notifications.CountUnreadAsync(NotificationsFixture.Viewer(invitee), Ct));
        Assert.Empty(await fixture.StoredAsync(moderator));
    }

    [Fact]
    public async Task Edit_AddingAMention_NotifiesOnlyTheNewlyMentioned()
    {
        var group = await Data.GroupAsync();
        var author = await Data.MemberAsync(group, "Eda Editor");
        var first = await Data.MemberAsync(group, "First Named");
        var later = await Data.MemberAsync(group, "Later Named");
        var thread = await Data.ThreadAsync(group, author, "Edited thread", "Hello @**First Named**");

        await Data.Service.EditPostAsync(DiscussionTestData.Principal(author), thread.PostId, 1, "Hello @**First Named** and @**Later Named**", null, Ct);

        Assert.Single(await fixture.StoredAsync(first), n => n.Kind == NotificationKind.Mention);
        var told = Assert.Single(await fixture.StoredAsync(later), n => n.Kind == NotificationKind.Mention);
        Assert.Equal((author.Id, "Edited thread"), (told.ActorId, told.Title));
        Assert.DoesNotContain(await fixture.StoredAsync(author), n => n.Kind == NotificationKind.Mention);
    }

    private async Task<Group> RequestGroupAsync()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private, "Ask first group");
        await using var db = await Data.ContextAsync();
        await db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.JoinPolicy, GroupJoinPolicy.Request), Ct);
        return group;
    }
}
