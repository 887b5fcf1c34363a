using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// The search judges its words by the app's copy of ANALYZE's statistics only while no ANALYZE has run since: a search
/// right after one judges by the new statistics. Its own database: the test needs a word to turn common.
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
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var statistics = fixture.App.Services.GetRequiredService<LibraryStatistics>();
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
        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct);

        // Common now: looked for among the newest resources only, which the oldest match is not; by the copy it
        // would have counted as rare and all four would have been found.
        Assert.True(results.IsCapped);
        Assert.Equal(3, results.Total);
        Assert.Equal(newest.Order(StringComparer.Ordinal), results.Hits.Select(h => h.Slug).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(results.Hits, h => h.Slug == oldest.Slug);
    }

    private Task<int> AnalyzeAsync() => Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
}
