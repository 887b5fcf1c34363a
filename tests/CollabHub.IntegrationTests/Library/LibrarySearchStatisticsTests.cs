using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// How the search judges its words common. By the app's copy of ANALYZE's statistics only while no ANALYZE has run
/// since: a search right after one judges by the new statistics. And as each language stems them too: an inflected word
/// nobody wrote, whose stem is common, looks through the newest resources as the word itself does, instead of reading
/// every match. Its own database: the tests need words to turn common.
/// </summary>
public sealed class LibrarySearchStatisticsTests(SmallSearchLimitFixture fixture) : IClassFixture<SmallSearchLimitFixture>
{
    /// <summary>More resources than a common word's search looks through (four per match kept).</summary>
    private const int Filler = (SmallSearchLimitFixture.MatchLimit * 4) + 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Search_UsesTheAppsCopyWhileCurrent_AndRightAfterAnalyzeJudgesByTheNewStatistics()
    {
        var word = LibraryTestData.Word();
        var statistics = fixture.App.Services.GetRequiredService<LibraryStatistics>();
        // Only this test's ANALYZEs: an autoanalyze after the stamp is read (this class's other test writes enough rows
        // to start one) moved the stamp on, and the wait for a copy of the first timed out (CI, once in 1,544 tests).
        await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE library_resources SET (autovacuum_enabled = false)", Ct));
        await AnalyzeAsync();
        var stamp = await Data.QueryAsync(db => db.Database.SqlQueryRaw<DateTime>(
            $"SELECT {LibraryStatistics.KeySql} AS \"Value\"").SingleAsync(Ct));
        // The app keeps a copy once the stamp has settled; until this word appears, the copy does not list it.
        await Eventually.WaitAsync(async () =>
        {
            await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = LibraryTestData.Word() }, Ct);
            return statistics.AnalyzedAt == stamp;
        }, "the app keeping a copy of the statistics");
        var copies = statistics.Copies;
        await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = LibraryTestData.Word() }, Ct);
        await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Topic = LibraryTestData.Word() }, Ct);
        Assert.True(copies == statistics.Copies, "With a current copy, the statement should use it rather than read pg_stats again.");

        var resources = await CommonWordAsync(word);
        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct);

        // Common now: looked for among the newest resources only, which the oldest match is not; by the copy it
        // would have counted as rare and all four would have been found.
        AssertFoundAmongTheNewestOnly(results, resources);
    }

    [Fact]
    public async Task InflectedWord_WhoseStemIsCommon_LooksThroughTheNewestResourcesAsTheWordDoes()
    {
        // Letters only (a word with digits is not stemmed), ending so that English stems "…lunding" to "…lund".
        var word = "k" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))) + "lund";
        var inflected = word + "ing";
        Assert.Equal(await StemAsync(word), await StemAsync(inflected));
        var resources = await CommonWordAsync(word);

        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = inflected }, Ct);

        // Judged as written, the inflected word is in no resource, so it counted as rare and all four matches were
        // read; judged by its stem, it is common.
        AssertFoundAmongTheNewestOnly(results, resources);
    }

    /// <summary>
    /// The word in the oldest resource and the three newest, with more resources between than a common word's search
    /// looks through; analysed, so that the word counts as common.
    /// </summary>
    private async Task<(string Oldest, List<string> Newest)> CommonWordAsync(string word)
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var oldest = await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} brief 0"));
        for (var i = 0; i < Filler; i++)
        {
            await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"Filler {i}"));
        }

        var newest = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            newest.Add((await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} brief {i}"))).Slug);
        }

        await AnalyzeAsync();
        Assert.True(await Data.WordShareAsync(word) >= 0.05, "The word should now count as common.");
        return (oldest.Slug, newest);
    }

    /// <summary>A common word's search: among the newest resources only, as the page then says.</summary>
    private static void AssertFoundAmongTheNewestOnly(LibrarySearchResults results, (string Oldest, List<string> Newest) resources)
    {
        Assert.True(results.IsCapped);
        Assert.Equal(3, results.Total);
        Assert.Equal(resources.Newest.Order(StringComparer.Ordinal), results.Hits.Select(h => h.Slug).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(results.Hits, h => h.Slug == resources.Oldest);
    }

    private Task<string> StemAsync(string text) => Data.QueryAsync(db => db.Database.SqlQuery<string>(
        $"SELECT array_to_string(tsvector_to_array(to_tsvector('english', {text})), ' ') AS \"Value\"").SingleAsync(Ct));

    private Task<int> AnalyzeAsync() => Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
}
