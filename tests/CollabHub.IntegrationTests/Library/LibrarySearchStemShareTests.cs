using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// A search judges how common its words are as each language stems them too: an inflected word nobody wrote, whose
/// stem is common, looks through the newest resources as the word itself does, instead of reading every match.
/// Its own database: the test needs a word to turn common.
/// </summary>
public sealed class LibrarySearchStemShareTests(SmallSearchLimitFixture fixture) : IClassFixture<SmallSearchLimitFixture>
{
    /// <summary>More resources than a common word's search looks through (four per match kept).</summary>
    private const int Filler = (SmallSearchLimitFixture.MatchLimit * 4) + 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task InflectedWord_WhoseStemIsCommon_LooksThroughTheNewestResourcesAsTheWordDoes()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        // Letters only (a word with digits is not stemmed), ending so that English stems "…lunding" to "…lund".
        var word = "k" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))) + "lund";
        var inflected = word + "ing";
        Assert.Equal(await StemAsync(word), await StemAsync(inflected));

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

        await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
        Assert.True(await Data.WordShareAsync(word) >= 0.05, "The word should now count as common.");

        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = inflected }, Ct);

        // Judged as written, the inflected word is in no resource, so it counted as rare and all four matches were
        // read; judged by its stem, it is common: looked for among the newest resources only, as the page then says.
        Assert.True(results.IsCapped);
        Assert.Equal(3, results.Total);
        Assert.Equal(newest.Order(StringComparer.Ordinal), results.Hits.Select(h => h.Slug).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(results.Hits, h => h.Slug == oldest.Slug);
    }

    private Task<string> StemAsync(string text) => Data.QueryAsync(db => db.Database.SqlQuery<string>(
        $"SELECT array_to_string(tsvector_to_array(to_tsvector('english', {text})), ' ') AS \"Value\"").SingleAsync(Ct));
}
