using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>Deleting, hiding, locking, following and muting through the service.</summary>
public sealed class ModerationTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    private DiscussionService Service => Data.Service;

    [Fact]
    public async Task Delete_ByAuthor_LeavesAPlaceholder_ModeratorsStillReadIt_OpeningPostRemovesTheThread()
    {
        var group = await Data.GroupAsync();
        var author = await Data.MemberAsync(group, "Author Person");
        var reader = await Data.MemberAsync(group, "Reader Person");
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var thread = await Data.ThreadAsync(group, author);
        var reply = await Service.ReplyAsync(DiscussionTestData.Principal(author), thread.ThreadId, "Regrettable words", cancellationToken: Ct);

        await Assert.ThrowsAsync<DiscussionException>(() => Service.DeletePostAsync(DiscussionTestData.Principal(reader), reply.PostId, Ct));
        await Service.DeletePostAsync(DiscussionTestData.Principal(author), reply.PostId, Ct);

        var asReader = (await Service.ReadThreadAsync(DiscussionTestData.Principal(reader), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.Posts[1];
        var asModerator = (await Service.ReadThreadAsync(DiscussionTestData.Principal(moderator), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.Posts[1];
        Assert.Equal((PostState.DeletedByAuthor, null), (asReader.State, asReader.Html));
        Assert.Contains("Regrettable words", asModerator.Html);

        await Service.DeletePostAsync(DiscussionTestData.Principal(author), thread.PostId, Ct);
        Assert.Empty((await Service.ListThreadsAsync(DiscussionTestData.Principal(reader), group.Slug, null, Ct))!.Threads);
        Assert.Null(await Service.ReadThreadAsync(DiscussionTestData.Principal(reader), group.Slug, thread.ThreadId, null, cancellationToken: Ct));
        Assert.True((await Service.ReadThreadAsync(DiscussionTestData.Principal(moderator), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.IsRemoved);
    }

    [Fact]
    public async Task Hide_OnlyModerators_WithTheReasonShownToThem()
    {
        var group = await Data.GroupAsync();
        var author = await Data.MemberAsync(group, "Author Person");
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var thread = await Data.ThreadAsync(group, author);
        var reply = await Service.ReplyAsync(DiscussionTestData.Principal(author), thread.ThreadId, "Insult", cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<DiscussionException>(() => Service.HidePostAsync(DiscussionTestData.Principal(author), reply.PostId, null, Ct));
        await Service.HidePostAsync(DiscussionTestData.Principal(moderator), reply.PostId, "Personal attack", Ct);

        Assert.Equal("Only the group's moderators can do that.", refused.Message);
        var seen = (await Service.ReadThreadAsync(DiscussionTestData.Principal(author), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.Posts[1];
        Assert.Equal((PostState.HiddenByModerator, null, null), (seen.State, seen.Html, seen.HiddenReason));
        var moderatorView = (await Service.ReadThreadAsync(DiscussionTestData.Principal(moderator), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.Posts[1];
        Assert.Equal("Personal attack", moderatorView.HiddenReason);
    }

    [Fact]
    public async Task Lock_RefusesRepliesAndEdits_UntilUnlocked_MembersCannotLock()
    {
        var group = await Data.GroupAsync();
        var author = await Data.MemberAsync(group, "Author Person");
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var thread = await Data.ThreadAsync(group, author);
        var asAuthor = DiscussionTestData.Principal(author);

        await Assert.ThrowsAsync<DiscussionException>(() => Service.SetLockedAsync(asAuthor, thread.ThreadId, true, Ct));
        await Service.SetLockedAsync(DiscussionTestData.Principal(moderator), thread.ThreadId, true, Ct);
        await Assert.ThrowsAsync<DiscussionException>(() => Service.ReplyAsync(asAuthor, thread.ThreadId, "Hello?", cancellationToken: Ct));
        await Assert.ThrowsAsync<DiscussionException>(() => Service.EditPostAsync(asAuthor, thread.PostId, 1, "Changed", cancellationToken: Ct));
        await Assert.ThrowsAsync<DiscussionException>(() => Service.SetLockedAsync(DiscussionTestData.Principal(moderator), thread.ThreadId, true, Ct));
        await Service.SetLockedAsync(DiscussionTestData.Principal(moderator), thread.ThreadId, false, Ct);
        var reply = await Service.ReplyAsync(asAuthor, thread.ThreadId, "Open again", cancellationToken: Ct);

        Assert.Equal(2, reply.Number);
    }

    [Fact]
    public async Task Follow_StartingFollows_MutingSilencesUnread()
    {
        var group = await Data.GroupAsync();
        var author = await Data.MemberAsync(group, "Author Person");
        var reader = await Data.MemberAsync(group, "Reader Person");
        var thread = await Data.ThreadAsync(group, author);
        var asReader = DiscussionTestData.Principal(reader);

        var before = (await Service.ListThreadsAsync(asReader, group.Slug, null, Ct))!.Threads.Single();
        await Service.SetSubscriptionAsync(asReader, thread.ThreadId, SubscriptionLevel.Muted, Ct);
        var muted = (await Service.ListThreadsAsync(asReader, group.Slug, null, Ct))!.Threads.Single();
        var authorView = (await Service.ReadThreadAsync(DiscussionTestData.Principal(author), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!;

        Assert.True(before.IsNew);
        Assert.Equal((false, 0, SubscriptionLevel.Muted), (muted.IsNew, muted.UnreadCount, muted.Subscription));
        Assert.Equal(SubscriptionLevel.Following, authorView.Subscription);
        Assert.Null(authorView.FirstUnreadNumber);
    }
}
