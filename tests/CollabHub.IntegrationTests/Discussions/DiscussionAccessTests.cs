using System.Net;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>Private content stays with members: every route answers 404 and every service call refuses, at once.</summary>
public sealed class DiscussionAccessTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    private DiscussionService Service => Data.Service;

    private static IEnumerable<string> Routes(Group group, Guid threadId) =>
    [
        $"groups/{group.Slug}/discussions",
        $"groups/{group.Slug}/discussions?q=budget",
        $"groups/{group.Slug}/discussions?page=2",
        $"groups/{group.Slug}/discussions/new",
        $"groups/{group.Slug}/discussions/flags",
        $"groups/{group.Slug}/discussions/{threadId}",
        $"groups/{group.Slug}/discussions/{threadId}?post=1",
        $"groups/{group.Slug}/discussions/{threadId}/reply",
        $"groups/{group.Slug}/discussions/{threadId}/reply?to=1&quote=true",
    ];

    [Theory]
    [InlineData(GroupVisibility.Private)]
    [InlineData(GroupVisibility.Hidden)]
    public async Task NonMember_EveryRouteOfAPrivateGroup_Answers404WithoutTheContent(GroupVisibility visibility)
    {
        var group = await Data.GroupAsync(visibility, name: "Secret budget circle");
        var member = await Data.MemberAsync(group, "Insider");
        var thread = await Data.ThreadAsync(group, member, "Budget lines for 2027", "Confidential figures");
        var outsider = await Data.AccountAsync("Outsider");
        using var browser = await Data.BrowserAsync(outsider);

        foreach (var route in Routes(group, thread.ThreadId))
        {
            var page = await browser.GetAsync(route);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{route} answered {page.Status}");
            Assert.DoesNotContain("Budget lines", page.Html);
            Assert.DoesNotContain("Confidential", page.Html);
            Assert.DoesNotContain("Secret budget circle", page.Html);
        }

        // A crafted post of the new-thread form, with the outsider's own valid antiforgery token: refused by access.
        using var posted = await browser.Client.PostAsync($"groups/{group.Slug}/discussions/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-thread",
            ["__RequestVerificationToken"] = AntiforgeryToken((await browser.GetAsync("")).Html),
            ["Input.Title"] = "Sneaky",
            ["Input.Body"] = "In",
        }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        await using var db = await Data.ContextAsync();
        Assert.Single(db.DiscussionThreads.Where(t => t.GroupId == group.Id));
    }

    [Fact]
    public async Task NonMember_EveryServiceCallOnAPrivateGroup_IsRefusedOrEmpty()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private);
        var member = await Data.MemberAsync(group, "Insider Person");
        var thread = await Data.ThreadAsync(group, member);
        var postId = (await Data.PostsAsync(thread.ThreadId))[0].Id;
        var outsider = DiscussionTestData.Principal(await Data.AccountAsync("Outsider"));

        Assert.Null(await Service.FindReadableGroupAsync(outsider, group.Slug, Ct));
        Assert.Null(await Service.FindThreadAsync(outsider, group.Slug, thread.ThreadId, Ct));
        Assert.Null(await Service.ListThreadsAsync(outsider, group.Slug, null, Ct));
        Assert.Null(await Service.SearchAsync(outsider, group.Slug, "opening", null, Ct));
        Assert.Null(await Service.ReadThreadAsync(outsider, group.Slug, thread.ThreadId, null, cancellationToken: Ct));
        Assert.Null(await Service.GetFlagQueueAsync(outsider, group.Slug, Ct));
        await AssertNotAvailable(() => Service.StartThreadAsync(outsider, group.Slug, "T", "B", Ct));
        await AssertNotAvailable(() => Service.ReplyAsync(outsider, thread.ThreadId, "B", cancellationToken: Ct));
        await AssertNotAvailable(() => Service.EditPostAsync(outsider, postId, 1, "B", cancellationToken: Ct));
        await AssertNotAvailable(() => Service.DeletePostAsync(outsider, postId, Ct));
        await AssertNotAvailable(() => Service.HidePostAsync(outsider, postId, null, Ct));
        await AssertNotAvailable(() => Service.AddReactionAsync(outsider, postId, "heart", Ct));
        await AssertNotAvailable(() => Service.RemoveReactionAsync(outsider, postId, "heart", Ct));
        await AssertNotAvailable(() => Service.FlagPostAsync(outsider, postId, FlagReason.Spam, null, Ct));
        await AssertNotAvailable(() => Service.DecideFlagsAsync(outsider, postId, FlagDecision.HidePost, Ct));
        await AssertNotAvailable(() => Service.SetPinnedAsync(outsider, thread.ThreadId, true, Ct));
        await AssertNotAvailable(() => Service.SetLockedAsync(outsider, thread.ThreadId, true, Ct));
        await AssertNotAvailable(() => Service.SetSubscriptionAsync(outsider, thread.ThreadId, SubscriptionLevel.Following, Ct));
        await AssertNotAvailable(() => Service.GetRevisionsAsync(outsider, postId, Ct));
        await AssertNotAvailable(() => Service.PreviewAsync(outsider, group.Slug, "Hi", Ct));
        await AssertNotAvailable(() => Service.SuggestMentionsAsync(outsider, group.Slug, "Ins", Ct));
    }

    [Fact]
    public async Task RemovedMember_LosesAccessAtOnce_OnPagesAndServiceCalls_AndNothingChanges()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private);
        var owner = await Data.MemberAsync(group, "Group Owner", GroupRole.Owner);
        var leaver = await Data.MemberAsync(group, "Soon Removed");
        var thread = await Data.ThreadAsync(group, owner);
        var postId = (await Data.PostsAsync(thread.ThreadId))[0].Id;
        var principal = DiscussionTestData.Principal(leaver);
        using var browser = await Data.BrowserAsync(leaver);
        var openReplyPage = await browser.GetAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}/reply");
        Assert.Equal(HttpStatusCode.OK, openReplyPage.Status);
        Assert.NotNull(await Service.ReadThreadAsync(principal, group.Slug, thread.ThreadId, null, cancellationToken: Ct));

        await Data.RemoveAsync(group, leaver);

        // The page opened before the removal posts into nothing; a fresh visit is a 404.
        var stale = await browser.SubmitFormAsync(openReplyPage, "reply", new Dictionary<string, string> { ["Input.Body"] = "Still here?" });
        Assert.Equal(HttpStatusCode.NotFound, stale.Status);
        Assert.Contains("If you followed a link to a private group, you need to be a member to see it.", stale.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}")).Status);
        // A circuit opened before calls the service directly: refused with the same sentence.
        Assert.Null(await Service.ReadThreadAsync(principal, group.Slug, thread.ThreadId, null, cancellationToken: Ct));
        await AssertNotAvailable(() => Service.ReplyAsync(principal, thread.ThreadId, "Still here?", cancellationToken: Ct));
        await AssertNotAvailable(() => Service.AddReactionAsync(principal, postId, "heart", Ct));
        Assert.Single(await Data.PostsAsync(thread.ThreadId));
        await using var db = await Data.ContextAsync();
        Assert.False(db.DiscussionReactions.Any(r => r.PostId == postId));
    }

    [Fact]
    public async Task LeftPublicGroup_CanStillRead_ButPostingSaysToJoin()
    {
        var group = await Data.GroupAsync(GroupVisibility.Public);
        var owner = await Data.MemberAsync(group, "Group Owner", GroupRole.Owner);
        var former = await Data.MemberAsync(group, "Former Member");
        var thread = await Data.ThreadAsync(group, owner);
        await Data.RemoveAsync(group, former);
        using var browser = await Data.BrowserAsync(former);

        var page = await browser.SubmitFormAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}/reply", "reply",
            new Dictionary<string, string> { ["Input.Body"] = "Me again" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Only members of this group can post, reply, react and flag. Join the group to take part.", page.Html);
        Assert.Single(await Data.PostsAsync(thread.ThreadId));
        var threadPage = await browser.GetAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}");
        Assert.Contains("Only members of this group can reply.", threadPage.Html);
    }

    [Fact]
    public async Task FlagsPage_MemberWhoIsNotAModerator_Gets404()
    {
        var group = await Data.GroupAsync(GroupVisibility.Public);
        var member = await Data.MemberAsync(group, "Plain Member");
        using var browser = await Data.BrowserAsync(member);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"groups/{group.Slug}/discussions/flags")).Status);
    }

    [Fact]
    public async Task MentionSuggestions_ListOnlyThisGroupsMembers_ByNameOrWordStart()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private);
        var asker = await Data.MemberAsync(group, "Asker Person");
        await Data.MemberAsync(group, "Amina Diallo");
        await Data.MemberAsync(group, "Fatima Amin");
        await Data.AccountAsync("Amina Outsider");

        var suggestions = await Service.SuggestMentionsAsync(DiscussionTestData.Principal(asker), group.Slug, "ami", Ct);

        Assert.Equal(["Amina Diallo", "Fatima Amin"], suggestions.Select(s => s.Member.DisplayName));
        Assert.Equal("@**Amina Diallo**", suggestions[0].Token);
    }

    private static string AntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<v>[^\"]+)\"").Groups["v"].Value;

    private static async Task AssertNotAvailable(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<DiscussionException>(call);
        Assert.Equal(DiscussionException.NotAvailable().Message, refused.Message);
    }
}
