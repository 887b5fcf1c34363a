using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// A quoted phrase is found through the index of adjacent word pairs (<see cref="LibrarySearchIndex.WordPairsSql"/>):
/// it must find exactly what the phrase operator finds, whatever the phrase is made of, and leave every other search as it was.
/// </summary>
public sealed class LibraryPhraseSearchTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Phrase_FindsItsWordsSideBySide_InOrder_AsWrittenOrStemmed_AndNotApartOrReversed()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var other = LibraryTestData.Word();
        string[] titles =
        [
            $"{word} {other} guidance",
            $"{other} {word} reversed",
            $"{word} and {other} apart",
            $"Nudging {word} policies",
        ];
        foreach (var title in titles)
        {
            await Data.ApprovedAsync(member, moderator, LibraryTestData.Form(title));
        }

        // The last words of the title and the first of the summary stand side by side as well.
        var across = LibraryTestData.Form($"Notes on {other}");
        across.Summary = $"{word} fieldwork notes";
        await Data.ApprovedAsync(member, moderator, across);

        Assert.Equal([$"{word} {other} guidance"], await TitlesAsync($"\"{word} {other}\""));
        Assert.Equal([$"Notes on {other}", $"{other} {word} reversed"], (await TitlesAsync($"\"{other} {word}\"")).Order(StringComparer.Ordinal));
        Assert.Equal([$"Nudging {word} policies"], await TitlesAsync($"\"{word} policy\""));
        Assert.Equal([$"Notes on {other}"], await TitlesAsync($"\"{other} {word} fieldwork\""));
        Assert.Empty(await TitlesAsync($"\"{word} guidance {other}\""));
    }

    [Fact]
    public async Task Phrase_WithAnAlternativeAStopWordOrAnExcludedWord_FindsWhatItAsksFor()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var other = LibraryTestData.Word();
        var third = LibraryTestData.Word();
        await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} {other} brief"));
        await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} {other} {third} brief"));
        await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"Rights of {third}"));

        Assert.Equal(
            [$"Rights of {third}", $"{word} {other} brief", $"{word} {other} {third} brief"],
            (await TitlesAsync($"\"{word} {other}\" or {third}")).Order(StringComparer.Ordinal));
        Assert.Equal([$"{word} {other} brief"], await TitlesAsync($"\"{word} {other}\" -{third}"));
        Assert.Equal([$"Rights of {third}"], await TitlesAsync($"\"rights of {third}\""));
    }

    /// <summary>
    /// Over phrases of every shape, on every resource in this database: narrowing by the pairs never drops a resource
    /// the phrase operator matches (the pairs are implied by the query), and shapes it cannot read are not narrowed.
    /// </summary>
    [Fact]
    public async Task PairNarrowing_NeverLosesAMatch_AndNarrowsOnlyWhatItCanRead()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        string[] texts =
        [
            $"the e-mail policy of {word}",
            $"it's a back\\slash {word} thing",
            $"rights of women and {word} children's rights",
            // Matched only as English reads the phrase: "of" and "and" are both stop words there, so two apart.
            $"rights and women {word}",
            $"{word} {word} {word} repeated",
            $"Políticas públicas {word} para la niñez",
        ];
        foreach (var text in texts)
        {
            var form = LibraryTestData.Form(text);
            form.Summary = string.Join(' ', text.Split(' ').Reverse());
            await Data.ApprovedAsync(member, moderator, form);
        }

        string[] typed =
        [
            $"\"e-mail policy\" {word}", $"\"policy of {word}\"", $"\"it's a\" {word}", $"\"back\\slash {word}\"",
            $"\"rights of women\" {word}", $"\"{word} children's rights\"", $"\"{word} {word}\"", $"\"{word} {word} repeated\"",
            $"\"políticas públicas\" {word}", $"\"{word} para\"", $"\"para {word}\" or e-mail", $"\"{word} thing\" -policy",
            $"\"repeated {word}\" or \"thing {word}\"", $"{word} policy",
        ];
        foreach (var text in typed)
        {
            var (matched, narrowed) = await Data.QueryAsync(async db => (
                await CountAsync(db, text, narrow: false), await CountAsync(db, text, narrow: true)));
            Assert.True(matched == narrowed, $"{text}: {matched} matched, {narrowed} after narrowing by pairs.");
            Assert.True(matched > 0, $"{text}: nothing matched, so the comparison says nothing.");
        }

        Assert.Equal("'a b' & 'b c'", await PairsAsync("\"a b c\""));
        Assert.Equal("'a b' & 'c d' | 'c d'", await PairsAsync("\"a b\" \"c d\" or \"c d\""));
        Assert.Null(await PairsAsync("\"a b\" or c"));
        Assert.Null(await PairsAsync("a b"));
        Assert.Null(await PairsAsync(""));
    }

    /// <summary>The search's expression for the pairs is the index's: were they to differ, every phrase would compute every resource's pairs.</summary>
    [Fact]
    public async Task PairsInASearch_AreReadFromTheirIndex()
    {
        var plan = await Data.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            await using var explain = connection.CreateCommand();
            explain.CommandText = $"EXPLAIN SELECT r.id FROM library_resources r WHERE {LibrarySearchIndex.WordPairsSql("r.search_vector")} @@ '''a b'''::tsquery";
            await using var reader = await explain.ExecuteReaderAsync(Ct);
            var lines = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        });

        Assert.Contains("ix_library_resources_word_pairs", plan, StringComparison.Ordinal);
    }

    private async Task<string[]> TitlesAsync(string q) =>
        [.. LibraryTestData.Titles(await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = q }, Ct))];

    /// <summary>How many resources the query made of <paramref name="text"/> matches, and with <paramref name="narrow"/> only among those holding its pairs.</summary>
    private static Task<int> CountAsync(Web.Infrastructure.Data.AppDbContext db, string text, bool narrow)
    {
        // The statement is made of the app's own fragments; what was typed goes as a parameter.
        var sql = $"""
            SELECT count(*)::int AS "Value"
            FROM library_resources r, (SELECT {LibrarySearchIndex.QuerySql("{0}", "''::tsquery")} AS query) q
            WHERE r.search_vector @@ q.query
              {(narrow ? $"AND coalesce({LibrarySearchIndex.WordPairsSql("r.search_vector")} @@ {LibrarySearchIndex.PhrasePairsSql("q.query")}, true)" : "")}
            """;
        return db.Database.SqlQueryRaw<int>(sql, text).SingleAsync(Ct);
    }

    private Task<string?> PairsAsync(string text)
    {
        var sql = $"""SELECT {LibrarySearchIndex.PhrasePairsSql("websearch_to_tsquery('simple', {0})")}::text AS "Value" """;
        return Data.QueryAsync(db => db.Database.SqlQueryRaw<string?>(sql, text).SingleAsync(Ct));
    }
}
