using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Library;

namespace CollabHub.IntegrationTests.Library;

/// <summary>Search, facets and hostile input on the library page.</summary>
public sealed class LibrarySearchTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Facets_CountExactlyTheMatchingResources()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var first = LibraryTestData.Form($"{word} one");
        first.Type = nameof(ResourceType.PolicyBrief);
        first.Sdgs = [1, 5];
        first.Languages = ["en", "fr"];
        first.PublishedOn = "2021-03-01";
        var second = LibraryTestData.Form($"{word} two");
        second.Type = nameof(ResourceType.PolicyBrief);
        second.Sdgs = [5];
        second.Languages = ["fr"];
        second.PublishedOn = "2022-03-01";
        var third = LibraryTestData.Form($"{word} three");
        third.Type = nameof(ResourceType.Dataset);
        third.Sdgs = [];
        third.PublishedOn = "2022-06-01";
        await Data.ApprovedAsync(member, moderator, first);
        await Data.ApprovedAsync(member, moderator, second);
        await Data.ApprovedAsync(member, moderator, third);
        await Data.SubmitAsync(member, LibraryTestData.Form($"{word} pending")); // not published: never counted

        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct);
        var filtered = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word, Sdg = 5 }, Ct);

        Assert.Equal(3, results.Total);
        Assert.Equal([("PolicyBrief", 2), ("Dataset", 1)], Counts(results, LibrarySearchResults.TypeFacet));
        Assert.Equal([("5", 2), ("1", 1)], Counts(results, LibrarySearchResults.SdgFacet));
        Assert.Equal([("fr", 2), ("en", 2)], Counts(results, LibrarySearchResults.LanguageFacet).OrderByDescending(c => c.Item1, StringComparer.Ordinal));
        Assert.Equal([("2022", 2), ("2021", 1)], Counts(results, LibrarySearchResults.YearFacet));
        Assert.Equal(2, filtered.Total);
        Assert.Equal([("PolicyBrief", 2)], Counts(filtered, LibrarySearchResults.TypeFacet));
    }

    [Fact]
    public async Task Search_StemsInTheResourcesLanguage_AndMatchesAnyLanguageAsWritten()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var english = LibraryTestData.Form($"Nudging {word} policies");
        var chinese = LibraryTestData.Form($"行为科学 {word}");
        chinese.Languages = ["zh"];
        await Data.ApprovedAsync(member, moderator, english);
        await Data.ApprovedAsync(member, moderator, chinese);

        var stemmed = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = $"{word} policy" }, Ct);
        var asWritten = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = $"行为科学 {word}" }, Ct);

        Assert.Equal([$"Nudging {word} policies"], LibraryTestData.Titles(stemmed));
        Assert.Equal(1, asWritten.Total);
    }

    [Fact]
    public async Task Relevance_PutsWhatWasTypedAboveAWordThatOnlyAnotherLanguageStemsAlike()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        // German stems "listen" as "list", which is also how English stems "lists": the first resource matches a search
        // for "listen" only through that coincidence, though its title says "lists" three times.
        var lists = LibraryTestData.Form($"{word}: lists, lists and more lists");
        var listening = LibraryTestData.Form($"{word} guidance");
        listening.Description = "Field teams first listen to the communities they serve.";
        await Data.ApprovedAsync(member, moderator, lists);
        await Data.ApprovedAsync(member, moderator, listening);

        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = $"{word} listen", Sort = LibrarySort.Relevance }, Ct);

        Assert.Equal(
            [$"{word} guidance", $"{word}: lists, lists and more lists"],
            LibraryTestData.Titles(results));
    }

    [Fact]
    public async Task HostileSearchStrings_NeverError_AndAreShownEncoded()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        await Data.ApprovedAsync(member, moderator, LibraryTestData.Form("Something to find"));
        using var browser = new TestBrowser(fixture.App);
        string[] hostile =
        [
            "\"", "'", "\"unclosed", "a & | ! b", "!!!", "-", "--", "or", "(((", ")))", "a:*", "<->", "foo <-> bar", "'; DROP TABLE library_resources; --",
            "<script>alert(1)</script>", "%00", "\u0000", "\ud800", "🙂", "行为科学", "الأمم المتحدة", "Объединённые", "\\", "%", "_", "*", ":", "&&&",
            new string('x', 5000), string.Join(' ', Enumerable.Repeat("policy", 500)), "title:\"x\" OR -y", "``", "$$", "{}", "[]",
        ];

        foreach (var text in hostile)
        {
            var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, LibraryQuery.Parse(text, null, null, null, null, null, null, null, null, null), Ct);
            Assert.True(results.Total >= 0);
            using var response = await browser.Client.GetAsync($"library?q={Uri.EscapeDataString(text)}&sdg=x&year=-1&page=0&type=Nope&sort=%27", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LibraryPage_KeepsTheStateInTheAddress_AndLinksFacetsThatNarrowIt()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} report"));
        using var browser = new TestBrowser(fixture.App);

        var page = await browser.OpenAsync($"library?q={word}&sort=Newest");

        Assert.Contains($"value=\"{word}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("1 resource", page.Html, StringComparison.Ordinal);
        Assert.Contains($"/library?q={word}&amp;sdg=5&amp;sort=Newest", page.Html, StringComparison.Ordinal);
    }

    /// <summary>A goal reads by its name as well as its number: in the filters, on a resource's page and in the form.</summary>
    [Fact]
    public async Task Goals_ReadByTheirNames_InTheFilters_OnAResourcesPage_AndInTheForm()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var resource = await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} goals")); // SDGs 5 and 16
        using var browser = await TestAccounts.SignInAsync(fixture.App, member);

        var library = await browser.OpenAsync($"library?q={word}");
        var goal = library.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains("sdg=5", StringComparison.Ordinal));
        Assert.Contains("SDG 5: Gender equality", goal.TextContent, StringComparison.Ordinal);

        var page = await browser.OpenAsync($"library/{resource.Slug}");
        Assert.Contains("SDG 16: Peace, justice and strong institutions", page.QuerySelectorAll(".topic-chip").Select(a => a.TextContent.Trim()));

        var form = await browser.OpenAsync("library/submit");
        var labels = form.QuerySelectorAll("label").Where(l => l.QuerySelector("input[name='Sdgs']") is not null).Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(17, labels.Count);
        Assert.Equal("SDG 1: No poverty", labels[0]);
        Assert.Equal("SDG 13: Climate action", labels[12]);
    }

    private static List<(string, int)> Counts(LibrarySearchResults results, string facet) =>
        [.. results.Facet(facet).Select(f => (f.Value, f.Count))];
}
