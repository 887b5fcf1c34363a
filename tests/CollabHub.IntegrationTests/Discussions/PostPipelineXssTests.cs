using AngleSharp.Html.Parser;
using CollabHub.TestSupport;
using CollabHub.UnitTests.Markdown;
using CollabHub.Web.Features.Discussions;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>
/// The shared XSS corpus through the real post pipeline: posted as replies and titles through the service, stored
/// (the cached HTML per version), re-sanitized, and served on the thread pages.
/// </summary>
public sealed class PostPipelineXssTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task EveryVector_PostedAsAReply_IsStoredAndServedWithoutExecutableMarkup_AndSanitizingAgainChangesNothing()
    {
        Assert.True(XssVectors.All.Distinct().Count() >= 150);
        var group = await Data.GroupAsync();
        var attacker = await Data.MemberAsync(group, "Mallory Attacker");
        var reader = await Data.MemberAsync(group, "Reader Person");
        var thread = await Data.ThreadAsync(group, attacker, "Hostile corpus");
        var asAttacker = DiscussionTestData.Principal(attacker);

        foreach (var vector in XssVectors.All)
        {
            await Data.Service.ReplyAsync(asAttacker, thread.ThreadId, vector, cancellationToken: Ct);
        }

        var markup = fixture.App.Services.GetService(typeof(PostMarkup)) as PostMarkup ?? throw new InvalidOperationException("No PostMarkup");
        var posts = (await Data.PostsAsync(thread.ThreadId)).Skip(1).ToList();
        Assert.Equal(XssVectors.All.Length, posts.Count);
        foreach (var post in posts)
        {
            MarkupSafety.AssertSafe(post.BodyHtml);
            Assert.Equal(post.BodyHtml, markup.Sanitize(post.BodyHtml));
        }

        using var browser = await Data.BrowserAsync(reader);
        var pages = ThreadPage.PageCountFor(posts.Count + 1);
        for (var page = 1; page <= pages; page++)
        {
            var document = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}?page={page}")).Html);
            var bodies = document.QuerySelectorAll(".post-body");
            Assert.NotEmpty(bodies);
            foreach (var body in bodies)
            {
                MarkupSafety.AssertSafe(body.InnerHtml);
            }

            Assert.Empty(document.QuerySelectorAll(".post-list script, .post-list [onerror], .post-list [onclick], .post-list iframe, .post-list img"));
        }
    }

    [Fact]
    public async Task EditedVector_EachVersionsCachedHtml_IsSafe()
    {
        var group = await Data.GroupAsync();
        var attacker = await Data.MemberAsync(group, "Mallory Attacker");
        var thread = await Data.ThreadAsync(group, attacker, "Editing attack", XssVectors.All[0]);
        var asAttacker = DiscussionTestData.Principal(attacker);

        for (var i = 1; i <= 5; i++)
        {
            await Data.Service.EditPostAsync(asAttacker, thread.PostId, i, XssVectors.All[i * 20], cancellationToken: Ct);
        }

        await using var db = await Data.ContextAsync();
        var revisions = await db.DiscussionPostRevisions.Where(r => r.PostId == thread.PostId).ToListAsync(Ct);
        Assert.Equal(5, revisions.Count);
        Assert.All(revisions, r => MarkupSafety.AssertSafe(r.BodyHtml));
    }

    [Fact]
    public async Task HostileTitles_AreShownAsText()
    {
        var group = await Data.GroupAsync();
        var attacker = await Data.MemberAsync(group, "Mallory Attacker");
        foreach (var vector in XssVectors.All.Take(25))
        {
            var title = string.Join(' ', vector.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            await Data.ThreadAsync(group, attacker, title.Length > DiscussionRules.TitleMaxLength ? title[..DiscussionRules.TitleMaxLength] : title, "Body");
        }

        using var browser = await Data.BrowserAsync(attacker);
        var list = new HtmlParser().ParseDocument((await browser.GetAsync($"groups/{group.Slug}/discussions")).Html);

        Assert.Equal(25, list.QuerySelectorAll(".thread-row__title").Length);
        Assert.Empty(list.QuerySelectorAll(".thread-list script, .thread-list img, .thread-list iframe, .thread-list [onerror]"));
    }
}
