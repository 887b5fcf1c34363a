using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// A word in a middling share of the library is first looked for among the newest resources only; whether its
/// matches are all there or all older, the search keeps exactly the newest matches. Its own database: the filler
/// changes every word's share.
/// </summary>
public sealed class LibrarySearchWindowTests(SmallSearchLimitFixture fixture) : IClassFixture<SmallSearchLimitFixture>
{
    private const int Limit = SmallSearchLimitFixture.MatchLimit;

    /// <summary>Enough matches that the window (expected to hold twice the limit) is narrower than the library.</summary>
    private const int Matches = 15;

    private const int Filler = 600;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task MiddlingWord_KeepsTheNewestMatches_WhetherTheyAreAmongTheNewestResourcesOrTheOldest()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var old = LibraryTestData.Word();
        var recent = LibraryTestData.Word();
        var oldMatches = await MatchesAsync(member, moderator, old);
        await Data.FillerAsync("filler-", Filler, TimeSpan.FromSeconds(1));
        var recentMatches = await MatchesAsync(member, moderator, recent);
        await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
        var resources = await Data.QueryAsync(db => db.Set<Resource>().CountAsync(Ct));
        foreach (var word in new[] { old, recent })
        {
            var share = await Data.WordShareAsync(word);
            Assert.True(share < 0.05 && share * resources > 2 * (Limit + 1), $"'{word}' should be of middling share; it is in {share:P1} of {resources}.");
        }

        var oldResults = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = old }, Ct);
        var recentResults = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = recent }, Ct);

        // Equal in rank and date, the matches come newest first: the last ones created.
        Assert.True(oldResults.IsCapped);
        Assert.Equal(Limit, oldResults.Total);
        Assert.Equal(oldMatches[^Limit..].Reverse(), oldResults.Hits.Select(h => h.Slug));
        Assert.True(recentResults.IsCapped);
        Assert.Equal(Limit, recentResults.Total);
        Assert.Equal(recentMatches[^Limit..].Reverse(), recentResults.Hits.Select(h => h.Slug));
    }

    private async Task<string[]> MatchesAsync(Web.Features.Members.ApplicationUser member, Web.Features.Members.ApplicationUser moderator, string word)
    {
        var slugs = new string[Matches];
        for (var i = 0; i < Matches; i++)
        {
            slugs[i] = (await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} brief {i}"))).Slug;
        }

        return slugs;
    }
}
