using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// Browsing without words looks at the most recently approved resources only: a reader sees the newest first, pages
/// through them, is told plainly when the count is a lower bound, and private groups' resources are never counted for
/// outsiders. Each test browses its own topic or group, so the others' resources stay out of its counts.
/// </summary>
public sealed class LibraryBrowseLimitTests(SmallBrowseLimitFixture fixture) : IClassFixture<SmallBrowseLimitFixture>
{
    private const int Limit = SmallBrowseLimitFixture.BrowseLimit;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Browse_WithMoreResourcesThanItLooksAt_ShowsTheNewestPageByPage_AndSaysTheCountIsALowerBound()
    {
        var (topic, slugs) = await ApprovedOnATopicAsync(Limit + 2);

        var newestFirst = Enumerable.Reverse(slugs).ToList();
        using var browser = new TestBrowser(fixture.App);

        var first = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Topic = topic }, Ct);
        var second = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Topic = topic, Page = 2 }, Ct);
        var page = await browser.OpenAsync($"library?topic={topic}");
        var html = WebUtility.HtmlDecode(page.Html);

        Assert.True(first.IsCapped);
        Assert.Equal(Limit, first.Total);
        Assert.Equal(2, first.TotalPages);
        Assert.Equal(newestFirst.Take(LibraryQuery.PageSize), first.Hits.Select(h => h.Slug));
        Assert.Equal(newestFirst.Skip(LibraryQuery.PageSize).Take(Limit - LibraryQuery.PageSize), second.Hits.Select(h => h.Slug));
        Assert.Equal([(nameof(ResourceType.Report), Limit)], first.Facet(LibrarySearchResults.TypeFacet).Select(f => (f.Value, f.Count)));
        Assert.Contains($"{Limit}+ resources", html, StringComparison.Ordinal);
        Assert.Contains($"these are the {Limit} most recently added, in the order chosen", html, StringComparison.Ordinal);
        Assert.Contains($"Counts among the {Limit} most recently added resources.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("These words match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_APagePastTheLast_ShowsTheLastPage_NotNothingMatches()
    {
        var (topic, slugs) = await ApprovedOnATopicAsync(LibraryQuery.PageSize + 1);

        using var browser = new TestBrowser(fixture.App);

        // A link kept from when more matched.
        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Topic = topic, Page = 9 }, Ct);
        var page = await browser.OpenAsync($"library?topic={topic}&page=9");

        Assert.Equal(2, results.Query.Page);
        Assert.Equal([slugs[0]], results.Hits.Select(h => h.Slug));
        Assert.Equal("Page 2 of 2", page.QuerySelector(".pager__status")!.TextContent.Trim());
        Assert.Contains($"library?topic={topic}", page.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll(".library-hit"));
        Assert.DoesNotContain("Nothing matches", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_WithinTheLimit_CountsExactlyAndSaysNothingAboutALimit()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var topic = LibraryTestData.Word();
        for (var i = 0; i < 3; i++)
        {
            var form = LibraryTestData.Form($"Counted toolkit {i}");
            form.Topics = topic;
            form.Type = i == 0 ? nameof(ResourceType.Toolkit) : nameof(ResourceType.Report);
            await Data.ApprovedAsync(member, moderator, form);
        }

        using var browser = new TestBrowser(fixture.App);

        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Topic = topic }, Ct);
        var page = await browser.OpenAsync($"library?topic={topic}");

        Assert.False(results.IsCapped);
        Assert.Equal(3, results.Total);
        Assert.Equal([(nameof(ResourceType.Report), 2), (nameof(ResourceType.Toolkit), 1)], results.Facet(LibrarySearchResults.TypeFacet).Select(f => (f.Value, f.Count)));
        Assert.Contains("3 resources", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-capped", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_ThatReachesTheLimit_NeverCountsAPrivateGroupsResourcesForOutsiders()
    {
        var insider = await Data.MemberAsync("Insider");
        var outsider = await Data.MemberAsync("Outsider");
        var moderator = await Data.ModeratorAsync();
        var group = await Data.GroupAsync(GroupVisibility.Private, (insider, GroupRole.Owner));
        var topic = LibraryTestData.Word();
        var open = LibraryTestData.Form("Open brief");
        open.Topics = topic;
        await Data.ApprovedAsync(insider, moderator, open);
        // The private group's resources are the newest, so a limit taken before the visibility check would count them.
        for (var i = 0; i < Limit + 1; i++)
        {
            var form = LibraryTestData.Form($"Private dataset {i}", group: group.Slug);
            form.Topics = topic;
            form.Type = nameof(ResourceType.Dataset);
            form.Entity = "Secret entity";
            await Data.GroupApprovedAsync(insider, form);
        }

        var asOutsider = await Data.Search.SearchAsync(LibraryTestData.Principal(outsider), new LibraryQuery { Topic = topic }, Ct);
        var asAnonymous = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Topic = topic }, Ct);
        var asInsider = await Data.Search.SearchAsync(LibraryTestData.Principal(insider), new LibraryQuery { Topic = topic }, Ct);
        var groupAsOutsider = await Data.Search.SearchAsync(LibraryTestData.Principal(outsider), new LibraryQuery { Group = group.Slug }, Ct);
        var groupAsInsider = await Data.Search.SearchAsync(LibraryTestData.Principal(insider), new LibraryQuery { Group = group.Slug }, Ct);
        using var insiderBrowser = await TestAccounts.SignInAsync(fixture.App, insider);
        var groupTab = await insiderBrowser.OpenAsync($"groups/{group.Slug}/library");

        foreach (var outside in new[] { asOutsider, asAnonymous })
        {
            Assert.False(outside.IsCapped);
            Assert.Equal(1, outside.Total);
            Assert.Equal([(nameof(ResourceType.Report), 1)], outside.Facet(LibrarySearchResults.TypeFacet).Select(f => (f.Value, f.Count)));
            Assert.DoesNotContain(outside.Facet(LibrarySearchResults.EntityFacet), f => f.Value == "Secret entity");
        }

        Assert.True(asInsider.IsCapped);
        Assert.Equal([(nameof(ResourceType.Dataset), Limit)], asInsider.Facet(LibrarySearchResults.TypeFacet).Select(f => (f.Value, f.Count)));
        Assert.Equal(0, groupAsOutsider.Total);
        Assert.Empty(groupAsOutsider.Facet(LibrarySearchResults.TypeFacet));
        Assert.True(groupAsInsider.IsCapped);
        Assert.All(groupAsInsider.Hits, h => Assert.Equal(group.Name, h.GroupName));
        Assert.Contains($"Search and filter this group's {Limit}+ resources", WebUtility.HtmlDecode(groupTab.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_ByALanguageEveryResourceHas_AfterAnalyze_ShowsTheNewest_AndOneFewHaveExactly()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var slugs = new List<string>();
        for (var i = 0; i < Limit + 2; i++)
        {
            var form = LibraryTestData.Form($"Language brief {i}");
            form.Languages = i < 2 ? ["en", "ar"] : ["en"];
            slugs.Add((await Data.ApprovedAsync(member, moderator, form)).Slug);
        }

        // The statistics then hold English on every resource: the statement walks the date index for it (and reads
        // Arabic's two through the language index); before, it read both through the index. The rows are the same.
        await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
        var newestFirst = Enumerable.Reverse(slugs).ToList();

        var english = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Language = "en" }, Ct);
        var englishLater = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Language = "en", Page = 2 }, Ct);
        var arabic = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Language = "ar" }, Ct);

        Assert.True(english.IsCapped);
        Assert.Equal(Limit, english.Total);
        Assert.Equal(newestFirst.Take(LibraryQuery.PageSize), english.Hits.Select(h => h.Slug));
        Assert.Equal(newestFirst.Skip(LibraryQuery.PageSize).Take(Limit - LibraryQuery.PageSize), englishLater.Hits.Select(h => h.Slug));
        Assert.False(arabic.IsCapped);
        Assert.Equal(2, arabic.Total);
        Assert.Equal([slugs[1], slugs[0]], arabic.Hits.Select(h => h.Slug));
        Assert.Equal([("ar", 2), ("en", 2)], arabic.Facet(LibrarySearchResults.LanguageFacet).Select(f => (f.Value, f.Count)));
    }

    [Fact]
    public async Task Browse_ByTypeIssuerOrBoth_ShowsAndCountsOnlyThose_NewestFirst()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var topic = LibraryTestData.Word();
        var issuer = LibraryTestData.Word();
        var slugs = new Dictionary<string, string>();
        foreach (var (name, type, entity) in new[]
        {
            ("toolkit 1", ResourceType.Toolkit, issuer), ("report", ResourceType.Report, issuer),
            ("toolkit 2", ResourceType.Toolkit, issuer), ("other toolkit", ResourceType.Toolkit, "Another issuer"),
        })
        {
            var form = LibraryTestData.Form($"Typed {name}");
            form.Topics = topic;
            form.Type = type.ToString();
            form.Entity = entity;
            slugs[name] = (await Data.ApprovedAsync(member, moderator, form)).Slug;
        }

        async Task<IEnumerable<string>> BrowseAsync(LibraryQuery query)
        {
            var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, query, Ct);
            Assert.Equal(results.Hits.Count, results.Total);
            return results.Hits.Select(h => h.Slug);
        }

        Assert.Equal([slugs["toolkit 2"], slugs["report"], slugs["toolkit 1"]], await BrowseAsync(new LibraryQuery { Entity = issuer }));
        Assert.Equal([slugs["toolkit 2"], slugs["toolkit 1"]], await BrowseAsync(new LibraryQuery { Entity = issuer, Type = ResourceType.Toolkit }));
        Assert.Equal([slugs["other toolkit"], slugs["toolkit 2"], slugs["toolkit 1"]], await BrowseAsync(new LibraryQuery { Type = ResourceType.Toolkit, Topic = topic }));
        Assert.Empty(await BrowseAsync(new LibraryQuery { Entity = issuer, Type = ResourceType.Video }));
    }

    [Fact]
    public async Task GroupLibrary_ShowsOnlyThatGroupsResources_NewestFirst()
    {
        var owner = await Data.MemberAsync("Owner");
        var reader = await Data.MemberAsync("Reader");
        var moderator = await Data.ModeratorAsync();
        var group = await Data.GroupAsync(GroupVisibility.Public, (owner, GroupRole.Owner));
        var slugs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            slugs.Add((await Data.GroupApprovedAsync(owner, LibraryTestData.Form($"Group note {i}", group: group.Slug))).Slug);
            // A site-wide resource approved in between, which the group's library must leave out.
            await Data.ApprovedAsync(owner, moderator, LibraryTestData.Form($"Site-wide note {i}"));
        }

        // Signed in: a public group's resources are for members of the site, not for visitors.
        var results = await Data.Search.SearchAsync(LibraryTestData.Principal(reader), new LibraryQuery { Group = group.Slug, Sort = LibrarySort.Newest }, Ct);

        Assert.False(results.IsCapped);
        Assert.Equal(3, results.Total);
        Assert.Equal(Enumerable.Reverse(slugs), results.Hits.Select(h => h.Slug));
    }

    /// <summary><paramref name="count"/> approved resources on a topic of their own, oldest first.</summary>
    private async Task<(string Topic, List<string> Slugs)> ApprovedOnATopicAsync(int count)
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var topic = LibraryTestData.Word();
        var slugs = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var form = LibraryTestData.Form($"Browsed brief {i}");
            form.Topics = topic;
            slugs.Add((await Data.ApprovedAsync(member, moderator, form)).Slug);
        }

        return (topic, slugs);
    }
}
