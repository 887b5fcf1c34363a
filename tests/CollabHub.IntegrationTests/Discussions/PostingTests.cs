using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>Reactions, edits and their history, and mentions through the service.</summary>
public sealed class PostingTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    private DiscussionService Service => Data.Service;

    [Fact]
    public async Task React_SameReactionTwice_IsRefused_OthersCountWithNames()
    {
        var group = await Data.GroupAsync();
        var amina = await Data.MemberAsync(group, "Amina Diallo");
        var ben = await Data.MemberAsync(group, "Ben Okafor");
        var thread = await Data.ThreadAsync(group, amina);
        var postId = thread.PostId;
        var asBen = DiscussionTestData.Principal(ben);

        await Service.AddReactionAsync(asBen, postId, "thumbs_up", Ct);
        var twice = await Assert.ThrowsAsync<DiscussionException>(() => Service.AddReactionAsync(asBen, postId, "thumbs_up", Ct));
        await Service.AddReactionAsync(DiscussionTestData.Principal(amina), postId, "thumbs_up", Ct);
        await Service.AddReactionAsync(asBen, postId, "tada", Ct);

        Assert.Equal("You have already reacted with 👍 to this post.", twice.Message);
        var post = (await Service.ReadThreadAsync(asBen, group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.Posts[0];
        var thumbs = post.Reactions.Single(r => r.Kind.Code == "thumbs_up");
        Assert.Equal((2, true), (thumbs.Count, thumbs.Mine));
        Assert.Equal("Ben Okafor, Amina Diallo", thumbs.WhoReacted);
        Assert.Equal(["thumbs_up", "tada"], post.Reactions.Select(r => r.Kind.Code));

        await Service.RemoveReactionAsync(asBen, postId, "tada", Ct);
        await Assert.ThrowsAsync<DiscussionException>(() => Service.RemoveReactionAsync(asBen, postId, "tada", Ct));
        await Assert.ThrowsAsync<DiscussionException>(() => Service.AddReactionAsync(asBen, postId, "skull", Ct));
        await using var db = await Data.ContextAsync();
        Assert.Equal(2, await db.DiscussionReactions.CountAsync(r => r.PostId == postId, Ct));
    }

    [Fact]
    public async Task Edit_KeepsEarlierVersions_ShowsEdited_OnlyModeratorsReadTheHistory()
    {
        var group = await Data.GroupAsync();
        var author = await Data.MemberAsync(group, "Author Person");
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var thread = await Data.ThreadAsync(group, author, "First title", "First words");
        var asAuthor = DiscussionTestData.Principal(author);

        await Service.EditPostAsync(asAuthor, thread.PostId, 1, "Second words", "Better title", Ct);
        var stale = await Assert.ThrowsAsync<DiscussionException>(() => Service.EditPostAsync(asAuthor, thread.PostId, 1, "Lost update", null, Ct));
        var byOther = await Assert.ThrowsAsync<DiscussionException>(() => Service.EditPostAsync(DiscussionTestData.Principal(moderator), thread.PostId, 2, "Not mine", null, Ct));

        Assert.Contains("changed since you opened the editor", stale.Message);
        Assert.Equal("Only its author can edit a post.", byOther.Message);
        var page = (await Service.ReadThreadAsync(asAuthor, group.Slug, thread.ThreadId, null, cancellationToken: Ct))!;
        Assert.Equal(("Better title", "<p>Second words</p>", 2, true), (page.Title, page.Posts[0].Html!.Trim(), page.Posts[0].Version, page.Posts[0].IsEdited));
        Assert.False(page.Posts[0].Can.SeeHistory);
        await Assert.ThrowsAsync<DiscussionException>(() => Service.GetRevisionsAsync(asAuthor, thread.PostId, Ct));

        var history = await Service.GetRevisionsAsync(DiscussionTestData.Principal(moderator), thread.PostId, Ct);
        var earlier = Assert.Single(history);
        Assert.Equal((1, "First title", "<p>First words</p>"), (earlier.Version, earlier.Title, earlier.Html.Trim()));
    }

    [Fact]
    public async Task Mention_Member_IsStoredAndLinked_NonMember_IsRefusedAndNothingPosted()
    {
        var group = await Data.GroupAsync();
        var author = await Data.MemberAsync(group, "Author Person");
        var colleague = await Data.MemberAsync(group, "Grace Mutua");
        await Data.AccountAsync("Stranger Danger");
        var thread = await Data.ThreadAsync(group, author);
        var asAuthor = DiscussionTestData.Principal(author);

        var refused = await Assert.ThrowsAsync<DiscussionException>(() =>
            Service.ReplyAsync(asAuthor, thread.ThreadId, "Ping @**Stranger Danger** and @**Grace Mutua**", cancellationToken: Ct));
        var reply = await Service.ReplyAsync(asAuthor, thread.ThreadId, "Ping @**grace mutua**", cancellationToken: Ct);

        Assert.Equal("@Stranger Danger is not a member of this group, so they can't be mentioned here.", refused.Message);
        Assert.Equal(2, (await Data.PostsAsync(thread.ThreadId)).Count);
        await using var db = await Data.ContextAsync();
        Assert.Equal([colleague.Id], await db.DiscussionMentions.Where(m => m.PostId == reply.PostId).Select(m => m.UserId).ToListAsync(Ct));
        var html = (await db.DiscussionPosts.SingleAsync(p => p.Id == reply.PostId, Ct)).BodyHtml;
        Assert.Contains($"<a href=\"members/{colleague.Id}\" rel=\"nofollow ugc noopener\">@Grace Mutua</a>", html);

        await Service.EditPostAsync(asAuthor, reply.PostId, 1, "No mention now", cancellationToken: Ct);
        Assert.False(await db.DiscussionMentions.AnyAsync(m => m.PostId == reply.PostId, Ct));
    }
}
