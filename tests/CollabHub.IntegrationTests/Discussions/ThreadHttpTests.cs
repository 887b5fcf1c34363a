using System.Net;
using AngleSharp.Html.Parser;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>Starting threads and replying through the pages, as a member without script would.</summary>
public sealed class ThreadHttpTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task NewThread_OverHttp_OpensTheThreadAndListsIt()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private);
        var amina = await Data.MemberAsync(group, "Amina Diallo");
        using var browser = await Data.BrowserAsync(amina);

        var page = await browser.SubmitFormAsync($"groups/{group.Slug}/discussions/new", "new-thread", new Dictionary<string, string>
        {
            ["Input.Title"] = "Nudges for tax compliance",
            ["Input.Body"] = "Has anyone run **letter trials**?\n\n- Kenya\n- Peru",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Matches($"/groups/{group.Slug}/discussions/[0-9a-f-]{{36}}$", page.Url.AbsolutePath);
        var thread = new HtmlParser().ParseDocument(page.Html);
        Assert.Equal("Nudges for tax compliance", thread.QuerySelector(".thread__title")!.TextContent);
        Assert.Equal("letter trials", thread.QuerySelector("#post-1 .post-body strong")!.TextContent);
        Assert.Equal(2, thread.QuerySelectorAll("#post-1 .post-body li").Length);
        Assert.Equal("Amina Diallo", thread.QuerySelector("#post-1 .post__author")!.TextContent.Trim());

        var list = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions")).Html);
        Assert.Equal(["Nudges for tax compliance"], list.QuerySelectorAll(".thread-row__title").Select(a => a.TextContent));
        Assert.Contains("0 replies", list.QuerySelector(".thread-row__meta")!.TextContent);
    }

    [Theory]
    [InlineData("", "Some body", "Give the thread a title.")]
    [InlineData("A title", "   ", "Write something before posting.")]
    [InlineData("A title", null, "Keep a post within 10000 characters; this one has 10001.")]
    public async Task NewThread_BadInput_ShowsTheMessage_KeepsTheDraft_StoresNothing(string title, string? body, string message)
    {
        var group = await Data.GroupAsync();
        var member = await Data.MemberAsync(group, "Ben Okafor");
        using var browser = await Data.BrowserAsync(member);

        var page = await browser.SubmitFormAsync($"groups/{group.Slug}/discussions/new", "new-thread", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Body"] = body ?? new string('x', DiscussionRules.BodyMaxLength + 1),
        });

        Assert.Contains(WebUtility.HtmlEncode(message), page.Html);
        Assert.Contains($"value=\"{title}\"", page.Html);
        Assert.Contains("At most", page.Html, StringComparison.OrdinalIgnoreCase);
        await using var db = await Data.ContextAsync();
        Assert.False(db.DiscussionThreads.Any(t => t.GroupId == group.Id));
    }

    [Fact]
    public async Task Reply_OverHttp_QuotesAndLinksTheAnsweredPost()
    {
        var group = await Data.GroupAsync();
        var amina = await Data.MemberAsync(group, "Amina Diallo");
        var ben = await Data.MemberAsync(group, "Ben Okafor");
        var thread = await Data.ThreadAsync(group, amina, body: "Default options work.");
        using var browser = await Data.BrowserAsync(ben);

        var form = await browser.GetAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}/reply?to=1&quote=true");
        // The page itself first (not a sign-in or error page), so a failure says which went wrong.
        Assert.EndsWith($"/discussions/{thread.ThreadId}/reply", form.Url.AbsolutePath);
        _ = form.Form("reply");
        // The answered post and the quote separately, each showing what was there instead. The quote went missing now
        // and then in CI: the page can render its form once before the answered post is read, and the editor kept
        // that first, empty value (DraftEditorTests holds that case still).
        var formPage = new HtmlParser().ParseDocument(form.Html);
        Assert.Equal("In reply to #1 by Amina Diallo:", formPage.QuerySelector(".reply-context > p")?.TextContent);
        Assert.StartsWith("> **Amina Diallo** wrote (#1):", formPage.QuerySelector("textarea#reply-page-body")?.TextContent);
        var page = await browser.SubmitFormAsync(form, "reply", new Dictionary<string, string>
        {
            ["Input.Body"] = "> Default options work.\n\nAgreed, with a caveat.",
        });

        Assert.EndsWith($"/discussions/{thread.ThreadId}", page.Url.AbsolutePath);
        Assert.Equal("?post=2", page.Url.Query);
        var document = new HtmlParser().ParseDocument(page.Html);
        var reply = document.QuerySelector("#post-2")!;
        Assert.Equal("Agreed, with a caveat.", reply.QuerySelector(".post-body > p")!.TextContent);
        Assert.NotNull(reply.QuerySelector(".post-body blockquote"));
        var inReplyTo = reply.QuerySelector(".post__reply-to")!;
        Assert.Equal("in reply to #1 by Amina Diallo", inReplyTo.TextContent);
        Assert.EndsWith("?post=1#post-1", inReplyTo.GetAttribute("href"));
    }

    [Fact]
    public async Task Reply_InLockedThread_IsRefusedWithAMessage_AndNothingIsStored()
    {
        var group = await Data.GroupAsync();
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var member = await Data.MemberAsync(group, "Ben Okafor");
        var thread = await Data.ThreadAsync(group, member);
        await Data.Service.SetLockedAsync(DiscussionTestData.Principal(moderator), thread.ThreadId, locked: true, Ct);
        using var browser = await Data.BrowserAsync(member);

        var page = await browser.SubmitFormAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}/reply", "reply",
            new Dictionary<string, string> { ["Input.Body"] = "Let me in" });

        Assert.Contains("This thread is locked", page.Html);
        Assert.Contains("Let me in", page.Html);
        Assert.Single(await Data.PostsAsync(thread.ThreadId));
        var threadPage = await browser.GetAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}");
        Assert.Contains("This thread is locked: a moderator closed it to new replies.", threadPage.Html);
        Assert.DoesNotContain("id=\"reply-body\"", threadPage.Html);
    }

    [Fact]
    public async Task LongThread_IsPaged_PostLinksOpenTheirPage_AndUnreadIsMarked()
    {
        var group = await Data.GroupAsync();
        var amina = await Data.MemberAsync(group, "Amina Diallo");
        var ben = await Data.MemberAsync(group, "Ben Okafor");
        var thread = await Data.ThreadAsync(group, amina);
        for (var i = 2; i <= 25; i++)
        {
            await Data.Service.ReplyAsync(DiscussionTestData.Principal(amina), thread.ThreadId, $"Reply number {i}", cancellationToken: Ct);
        }

        using var browser = await Data.BrowserAsync(ben);
        var first = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}")).Html);
        Assert.Equal(DiscussionRules.PostsPerPage, first.QuerySelectorAll(".post-list > li").Length);
        Assert.Contains("Page 1 of 2", first.QuerySelector(".pager")!.TextContent);
        Assert.NotNull(first.QuerySelector(".post-list__item--first-unread#post-1"));

        // Ben read page 1: the list now says 5 unread, linking to the first of them on page 2.
        var list = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions")).Html);
        var unread = list.QuerySelector(".thread-row__unread")!;
        Assert.Equal("5 unread", unread.TextContent);
        Assert.EndsWith("?post=21#post-21", unread.GetAttribute("href"));

        var second = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}?post=21")).Html);
        Assert.Equal(["post-21", "post-22", "post-23", "post-24", "post-25"], second.QuerySelectorAll(".post-list > li").Select(li => li.Id!));
        Assert.NotNull(second.QuerySelector("#post-21.post-list__item--first-unread"));
        Assert.Contains("Page 2 of 2", second.QuerySelector(".pager")!.TextContent);
    }

    [Fact]
    public async Task ThreadList_PinnedFirst_ThenLatestActivity()
    {
        var group = await Data.GroupAsync();
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var older = await Data.ThreadAsync(group, moderator, "Older");
        var pinned = await Data.ThreadAsync(group, moderator, "Rules of the group");
        var newer = await Data.ThreadAsync(group, moderator, "Newer");
        await Data.Service.SetPinnedAsync(DiscussionTestData.Principal(moderator), pinned.ThreadId, pinned: true, Ct);
        await Data.Service.ReplyAsync(DiscussionTestData.Principal(moderator), older.ThreadId, "Bump", cancellationToken: Ct);
        using var browser = await Data.BrowserAsync(moderator);

        var list = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions")).Html);

        Assert.Equal(["Rules of the group", "Older", "Newer"], list.QuerySelectorAll(".thread-row__title").Select(a => a.TextContent));
        Assert.Contains("Pinned", list.QuerySelector(".thread-row")!.TextContent);
        _ = newer;
    }
}
