using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// A search with more matches than it looks at: it says its count is a lower bound, keeps private groups' resources
/// out of every count, and finds a common word's matches among the most recent resources.
/// </summary>
public sealed class LibrarySearchLimitTests(SmallSearchLimitFixture fixture) : IClassFixture<SmallSearchLimitFixture>
{
    private const int Limit = SmallSearchLimitFixture.MatchLimit;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Search_WithMoreMatchesThanItLooksAt_ShowsTheCountAsALowerBound()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        for (var i = 0; i < Limit + 2; i++)
        {
            await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} report {i}"));
        }

        var exactWord = LibraryTestData.Word();
        await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{exactWord} report"));
        using var browser = new TestBrowser(fixture.App);

        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct);
        var exact = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = exactWord }, Ct);
        var page = await browser.OpenAsync($"library?q={word}");
        var exactPage = await browser.OpenAsync($"library?q={exactWord}");

        Assert.True(results.IsCapped);
        Assert.Equal(Limit, results.Total);
        Assert.Equal(Limit, results.Hits.Count);
        Assert.Equal(Limit, results.Facet(LibrarySearchResults.TypeFacet).Sum(f => f.Count));
        Assert.Contains($"{Limit}+ resources", WebUtility.HtmlDecode(page.Html), StringComparison.Ordinal);
        Assert.Contains("data-capped", page.Html, StringComparison.Ordinal);
        Assert.False(exact.IsCapped);
        Assert.Contains("1 resource", exactPage.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-capped", exactPage.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ThatReachesTheLimit_NeverCountsAPrivateGroupsResourcesForOutsiders()
    {
        var insider = await Data.MemberAsync("Insider");
        var outsider = await Data.MemberAsync("Outsider");
        var moderator = await Data.ModeratorAsync();
        var group = await Data.GroupAsync(GroupVisibility.Private, (insider, GroupRole.Owner));
        var word = LibraryTestData.Word();
        // The private group's resources are the newest matches, so a limit taken before the visibility check would count them.
        await Data.ApprovedAsync(insider, moderator, LibraryTestData.Form($"{word} public brief"));
        for (var i = 0; i < Limit + 1; i++)
        {
            var form = LibraryTestData.Form($"{word} private dataset {i}", group: group.Slug);
            form.Type = nameof(ResourceType.Dataset);
            form.Entity = "Secret entity";
            var resource = await Data.SubmitAsync(insider, form);
            Assert.True((await Data.Service.DecideAsync(LibraryTestData.Principal(insider), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct)).Succeeded);
        }

        var asOutsider = await Data.Search.SearchAsync(LibraryTestData.Principal(outsider), new LibraryQuery { Q = word }, Ct);
        var asInsider = await Data.Search.SearchAsync(LibraryTestData.Principal(insider), new LibraryQuery { Q = word }, Ct);

        Assert.False(asOutsider.IsCapped);
        Assert.Equal(1, asOutsider.Total);
        Assert.Equal([("Report", 1)], asOutsider.Facet(LibrarySearchResults.TypeFacet).Select(f => (f.Value, f.Count)));
        Assert.DoesNotContain(asOutsider.Facet(LibrarySearchResults.EntityFacet), f => f.Value == "Secret entity");
        Assert.True(asInsider.IsCapped);
        Assert.Contains(asInsider.Facet(LibrarySearchResults.TypeFacet), f => f.Value == nameof(ResourceType.Dataset));
    }

    [Fact]
    public async Task CommonWord_IsFoundAmongTheMostRecentResources_AndStillRanksTheTitleMatchFirst()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var titled = await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} in the title"));
        for (var i = 0; i < 3; i++)
        {
            var form = LibraryTestData.Form($"Mentioned in passing {i}");
            form.Description = $"Somewhere in a long text, {word} appears once.";
            await Data.ApprovedAsync(member, moderator, form);
        }

        // Statistics say which words are common: after ANALYZE this word is in a large share of this small library.
        await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
        var share = await Data.WordShareAsync(word);
        Assert.True(share >= 0.05, $"The word should count as common; it is in {share:P0} of resources.");
        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct);

        Assert.Equal(4, results.Total);
        Assert.Equal(titled.Slug, results.Hits[0].Slug);
        Assert.Contains("<mark>", results.Hits[0].TitleHtml, StringComparison.Ordinal);
    }
}
