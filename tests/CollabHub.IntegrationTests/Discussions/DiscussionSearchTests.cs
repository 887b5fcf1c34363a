using AngleSharp.Html.Parser;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>Full-text search inside one group: weighted, highlighted, and never beyond what the reader may read.</summary>
public sealed class DiscussionSearchTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Search_TitleMatch_RanksAboveBodyMatch()
    {
        var group = await Data.GroupAsync();
        var member = await Data.MemberAsync(group, "Searcher");
        var word = Word();
        await Data.ThreadAsync(group, member, $"About {word} in schools", "Nothing else.");
        // Newer, and the word twice in its body: recency and frequency must not beat the title's weight.
        await Data.ThreadAsync(group, member, "Something general", $"We saw {word} and more {word} here.");

        var results = await Data.Service.SearchAsync(DiscussionTestData.Principal(member), group.Slug, word, null, Ct);

        Assert.Equal(2, results!.TotalCount);
        Assert.Equal([$"About <mark>{word}</mark> in schools", "Something general"], results.Hits.Select(h => h.TitleHtml));
        Assert.Contains($"<mark>{word}</mark>", results.Hits[1].SnippetHtml);
    }

    [Fact]
    public async Task Search_FindsWordPrefixes_AndEveryWordMustMatch()
    {
        var group = await Data.GroupAsync();
        var member = await Data.MemberAsync(group, "Searcher");
        var stem = Word();
        await Data.ThreadAsync(group, member, "Evaluations", $"The {stem}ations were late.");
        await Data.ThreadAsync(group, member, "Other", $"Only {stem}ation here, no budget.");

        var prefix = await Data.Service.SearchAsync(DiscussionTestData.Principal(member), group.Slug, stem, null, Ct);
        var both = await Data.Service.SearchAsync(DiscussionTestData.Principal(member), group.Slug, $"{stem} late", null, Ct);

        Assert.Equal(2, prefix!.TotalCount);
        Assert.Equal(["Evaluations"], both!.Hits.Select(h => h.TitleHtml));
        Assert.Equal(1, both.Hits[0].PostNumber);
    }

    [Fact]
    public async Task Search_NeverReturnsAnotherGroupsThreads_NorRemovedPosts()
    {
        var group = await Data.GroupAsync();
        var secret = await Data.GroupAsync(GroupVisibility.Private);
        var member = await Data.MemberAsync(group, "Searcher");
        var insider = await Data.MemberAsync(secret, "Insider");
        var word = Word();
        await Data.ThreadAsync(secret, insider, $"Secret {word}", $"Secret {word}");
        var visible = await Data.ThreadAsync(group, member, "Visible thread", "Nothing to see.");
        var removed = await Data.Service.ReplyAsync(DiscussionTestData.Principal(member), visible.ThreadId, $"My {word} mistake", cancellationToken: Ct);
        await Data.Service.DeletePostAsync(DiscussionTestData.Principal(member), removed.PostId, Ct);

        var results = await Data.Service.SearchAsync(DiscussionTestData.Principal(member), group.Slug, word, null, Ct);
        var insiderResults = await Data.Service.SearchAsync(DiscussionTestData.Principal(insider), secret.Slug, word, null, Ct);
        var outsiderResults = await Data.Service.SearchAsync(DiscussionTestData.Principal(member), secret.Slug, word, null, Ct);

        Assert.Equal(0, results!.TotalCount);
        Assert.Equal(1, insiderResults!.TotalCount);
        Assert.Null(outsiderResults);
    }

    [Fact]
    public async Task SearchPage_ShowsHighlightedSnippets_WithTheMembersTextEncoded()
    {
        var group = await Data.GroupAsync();
        var member = await Data.MemberAsync(group, "Searcher");
        var word = Word();
        await Data.ThreadAsync(group, member, "Markup in posts", $"<script>alert(1)</script> the {word} <img src=x onerror=alert(2)> trial");
        using var browser = await Data.BrowserAsync(member);

        var page = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions?q={word}")).Html);

        var snippet = page.QuerySelector(".search-hit__snippet")!;
        Assert.Equal(word, snippet.QuerySelector("mark")!.TextContent);
        Assert.Empty(snippet.QuerySelectorAll("script, img"));
        Assert.Contains("<img src=x onerror=alert(2)>", snippet.TextContent); // shown as text
        Assert.Contains("1 thread matches", page.QuerySelector("#search-results-title")!.TextContent);
        Assert.EndsWith("?post=1#post-1", page.QuerySelector(".search-hit__title")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SearchPage_Snippet_ReadsAsThePost_WithoutItsMarkdown()
    {
        var group = await Data.GroupAsync();
        var member = await Data.MemberAsync(group, "Marked Writer");
        var word = Word();
        await Data.ThreadAsync(group, member, "Marks in posts", $"Ask @**Marked Writer** about the **{word}** trial in [the brief](https://example.org/brief).");
        using var browser = await Data.BrowserAsync(member);

        var page = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions?q={word}")).Html);

        var snippet = page.QuerySelector(".search-hit__snippet")!;
        Assert.Equal($"Ask @Marked Writer about the {word} trial in the brief.", snippet.TextContent.Trim());
        Assert.Equal(word, snippet.QuerySelector("mark")!.TextContent);
    }

    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];
}
