using AngleSharp.Html.Parser;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>Members flag, moderators review on the flags page, and every flagger learns the outcome by mail and on the post.</summary>
public sealed class FlagWorkflowTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Flag_ModeratorHidesFromTheReviewList_FlaggersAreMailedAndSeeTheOutcome()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private, name: "Flagging circle");
        var spammer = await Data.MemberAsync(group, "Spam Sender");
        var first = await Data.MemberAsync(group, "First Flagger");
        var second = await Data.MemberAsync(group, "Second Flagger");
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var thread = await Data.ThreadAsync(group, moderator, "Welcome thread");
        var spam = await Data.Service.ReplyAsync(DiscussionTestData.Principal(spammer), thread.ThreadId, "Cheap watches at example.com", cancellationToken: Ct);

        await Data.Service.FlagPostAsync(DiscussionTestData.Principal(first), spam.PostId, FlagReason.Spam, "Advert", Ct);
        await Data.Service.FlagPostAsync(DiscussionTestData.Principal(second), spam.PostId, FlagReason.Other, "Link to a shop", Ct);
        var again = await Assert.ThrowsAsync<DiscussionException>(() =>
            Data.Service.FlagPostAsync(DiscussionTestData.Principal(first), spam.PostId, FlagReason.Spam, null, Ct));
        Assert.Equal("You have already flagged this post; the moderators will review it.", again.Message);

        using var browser = await Data.BrowserAsync(moderator);
        var review = await browser.GetAsync($"groups/{group.Slug}/discussions/flags");
        var item = new HtmlParser().ParseDocument(review.Html).QuerySelector(".flag-queue__item")!;
        Assert.Contains("Cheap watches", item.QuerySelector(".post-body")!.TextContent);
        Assert.Equal(2, item.QuerySelectorAll(".flag-queue__flags li").Length);
        Assert.Contains("First Flagger", item.TextContent);
        Assert.Contains("Link to a shop", item.TextContent);

        var decided = await browser.SubmitFormAsync(review, $"hide-{spam.PostId:N}");

        Assert.Contains("The post is hidden and the flaggers are told.", decided.Html);
        Assert.Contains("Nothing to review", decided.Html);
        foreach (var flagger in new[] { first, second })
        {
            await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(flagger.Email!).Count == 1, $"the outcome mail to {flagger.DisplayName}");
            var mail = fixture.Smtp.ReceivedBy(flagger.Email!)[0];
            Assert.Equal("The post you flagged in Flagging circle was hidden", mail.Subject);
            Assert.Contains("agreed with you and hid the post", mail.TextBody);
            Assert.Contains($"https://hub.test/groups/{group.Slug}/discussions/{thread.ThreadId}?post=2#post-2", mail.TextBody);

            var seen = (await Data.Service.ReadThreadAsync(DiscussionTestData.Principal(flagger), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.Posts[1];
            Assert.Equal((PostState.HiddenByModerator, FlagStatus.Upheld, false), (seen.State, seen.MyFlag, seen.Can.Flag));
        }

        Assert.Empty(fixture.Smtp.ReceivedBy(spammer.Email!));
    }

    [Fact]
    public async Task Flag_ModeratorKeepsThePost_FlaggerIsToldItWasReviewed()
    {
        var group = await Data.GroupAsync(name: "Keeping circle");
        var author = await Data.MemberAsync(group, "Blunt Writer");
        var flagger = await Data.MemberAsync(group, "Sensitive Reader");
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var thread = await Data.ThreadAsync(group, author, "Strong opinions", "This evaluation was weak.");

        await Data.Service.FlagPostAsync(DiscussionTestData.Principal(flagger), thread.PostId, FlagReason.Abusive, null, Ct);
        using var browser = await Data.BrowserAsync(moderator);
        var decided = await browser.SubmitFormAsync($"groups/{group.Slug}/discussions/flags", $"keep-{thread.PostId:N}");

        Assert.Contains("The post stays and the flaggers are told.", decided.Html);
        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(flagger.Email!).Count == 1, "the outcome mail");
        Assert.Equal("The post you flagged in Keeping circle was reviewed", fixture.Smtp.ReceivedBy(flagger.Email!)[0].Subject);
        var seen = (await Data.Service.ReadThreadAsync(DiscussionTestData.Principal(flagger), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.Posts[0];
        Assert.Equal((PostState.Visible, FlagStatus.Dismissed), (seen.State, seen.MyFlag));
        var twice = await Assert.ThrowsAsync<DiscussionException>(() =>
            Data.Service.DecideFlagsAsync(DiscussionTestData.Principal(moderator), thread.PostId, FlagDecision.HidePost, Ct));
        Assert.Contains("already been decided", twice.Message);
        Assert.Equal(PostState.Visible, (await Data.Service.ReadThreadAsync(DiscussionTestData.Principal(flagger), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!.Posts[0].State);
    }

    [Fact]
    public async Task HidingDirectly_UpholdsOpenFlags_AndTellsTheFlagger()
    {
        var group = await Data.GroupAsync(name: "Direct circle");
        var author = await Data.MemberAsync(group, "Rude Writer");
        var flagger = await Data.MemberAsync(group, "Careful Reader");
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var thread = await Data.ThreadAsync(group, moderator);
        var rude = await Data.Service.ReplyAsync(DiscussionTestData.Principal(author), thread.ThreadId, "Rude words", cancellationToken: Ct);
        await Data.Service.FlagPostAsync(DiscussionTestData.Principal(flagger), rude.PostId, FlagReason.Abusive, null, Ct);

        await Data.Service.HidePostAsync(DiscussionTestData.Principal(moderator), rude.PostId, "Rude", Ct);

        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(flagger.Email!).Count == 1, "the outcome mail");
        Assert.Empty((await Data.Service.GetFlagQueueAsync(DiscussionTestData.Principal(moderator), group.Slug, Ct))!.Posts);
    }
}
