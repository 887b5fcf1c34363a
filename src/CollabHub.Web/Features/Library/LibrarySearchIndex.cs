namespace CollabHub.Web.Features.Library;

/// <summary>
/// How resources are indexed. Each row's <c>search_vector</c> holds its words twice: as written (the <c>simple</c>
/// configuration, so a word in any language or script matches exactly) and stemmed in the resource's own language
/// (so "policies" finds "policy" in English). Weights: title A; summary, topics and authors B; description C;
/// extracted file text D. The vector is a stored column kept current by <see cref="RefreshSql"/>, run in the same
/// transaction as every change and by the extractor when a file's text arrives (a generated column cannot read the
/// files' text, which lives in other rows). Beside it, a GIN expression index holds each vector's adjacent words as
/// pairs (<see cref="WordPairsSql"/>), through which a quoted phrase finds the resources holding its words side by side.
/// </summary>
public static class LibrarySearchIndex
{
    public const string VectorProperty = "SearchVector";

    /// <summary>Recomputes file text and vector for the resources whose ids are in the array parameter <c>{0}</c>.</summary>
    public static readonly string RefreshSql = $$"""
        WITH ft AS (
            SELECT r.id,
                   left(coalesce(string_agg(f.extracted_text, E'\n' ORDER BY rf.added_at, rf.id), ''), {{Resource.FileTextMaxLength}}) AS text
            FROM library_resources r
            LEFT JOIN library_resource_files rf ON rf.resource_id = r.id
            LEFT JOIN library_stored_files f ON f.id = rf.stored_file_id
            WHERE r.id = ANY({0})
            GROUP BY r.id)
        UPDATE library_resources r
        SET file_text = ft.text,
            search_vector = {{Vector("'simple'::regconfig")}}
                || CASE WHEN r.search_config = 'simple' THEN ''::tsvector ELSE {{Vector("r.search_config::regconfig")}} END
        FROM ft
        WHERE r.id = ft.id
        """;

    private static string Vector(string config) =>
        $"setweight(to_tsvector({config}, r.title), 'A')"
        + $" || setweight(to_tsvector({config}, r.summary || ' ' || array_to_string(r.topics, ' ') || ' ' || array_to_string(r.authors, ' ')), 'B')"
        + $" || setweight(to_tsvector({config}, r.description), 'C')"
        + $" || setweight(to_tsvector({config}, ft.text), 'D')";

    /// <summary>
    /// The query: what was typed, parsed as written and with each stemming configuration, any of which may match. A
    /// parse equal to an earlier one is left out (OR-ing the empty query in <paramref name="none"/> adds nothing): most
    /// configurations parse most words alike, and ten copies of a word made ts_rank_cd about four times slower (500
    /// rows: 62 ms against 17 ms) and, taken by the planner as independent alternatives, a rare word look six times as
    /// common. Every part is immutable, so with a bound parameter the planner folds all of it to one constant.
    /// </summary>
    /// <param name="parameter">The text parameter.</param>
    /// <param name="none">A parameter holding the empty tsquery (bound once: each literal <c>''::tsquery</c> would raise its own notice).</param>
    public static string QuerySql(string parameter, string none)
    {
        var parses = LibraryLanguages.SearchConfigs.Select(c => $"websearch_to_tsquery('{c}', {parameter})").ToList();
        return string.Join(" || ", parses.Select((parse, i) => i == 0 ? parse
            : $"CASE WHEN {string.Join(" OR ", parses.Take(i).Select(earlier => $"{parse} = {earlier}"))} THEN {none} ELSE {parse} END"));
    }

    /// <summary>
    /// The query each resource is ranked against, one row (<c>config</c>, <c>query</c>) per configuration: what was
    /// typed as written and as the resource's own language stems it, which is all its vector holds. Another language's
    /// stem matches it only by chance, as German stems "listen" to "list", which is English's stem of "lists": such a
    /// resource still matches (<see cref="QuerySql"/> finds it) but ranks after those holding what was typed.
    /// It is also cheaper: ranking 301 matches of "sustainable development" at 100,000 resources took 32 ms against every
    /// language's parse and 16 ms against these (over a mix of benchmark searches, mostly single words, 7.4 against
    /// 6.5 ms a search). No rows when nothing was typed.
    /// </summary>
    /// <param name="parameter">The text parameter.</param>
    /// <param name="none">A parameter holding the empty tsquery.</param>
    public static string RankQueriesSql(string parameter, string none)
    {
        return $"""
            SELECT c.config, websearch_to_tsquery('{LibraryLanguages.FallbackConfig}', {parameter})
                   || CASE WHEN c.config = '{LibraryLanguages.FallbackConfig}'
                                OR websearch_to_tsquery(c.config::regconfig, {parameter}) = websearch_to_tsquery('{LibraryLanguages.FallbackConfig}', {parameter})
                           THEN {none} ELSE websearch_to_tsquery(c.config::regconfig, {parameter}) END AS query
            FROM {ConfigsSql} AS c(config)
            WHERE {parameter} <> ''
            """;
    }

    /// <summary>
    /// The pairs of adjacent words in a vector (<c>"first second"</c>), indexed by a GIN expression index (migration
    /// <c>LibraryWordPairs</c>): a query reads the index through exactly this expression.
    /// </summary>
    public static string WordPairsSql(string vector) => $"library_word_pairs({vector})";

    /// <summary>
    /// The word pairs a resource must hold for <paramref name="query"/> to match it (its quoted phrases' adjacent
    /// words), as a query on <see cref="WordPairsSql"/>; NULL when the query implies none.
    /// </summary>
    public static string PhrasePairsSql(string query) => $"library_phrase_pairs({query})";

    /// <summary>Every configuration a resource may be indexed with, as rows (a set-returning expression to alias).</summary>
    public static readonly string ConfigsSql =
        $"unnest(ARRAY[{string.Join(", ", LibraryLanguages.SearchConfigs.Select(c => $"'{c}'"))}])";

    /// <summary>At most this much of what was typed is searched; control characters (and NUL, which PostgreSQL refuses) become spaces.</summary>
    public const int MaxQueryLength = 200;

    public static string CleanQuery(string? text)
    {
        var source = text ?? "";
        var chars = new char[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            // A lone surrogate is not valid UTF-8, and the driver refuses to send it.
            var paired = char.IsHighSurrogate(c) ? i + 1 < source.Length && char.IsLowSurrogate(source[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(source[i - 1]));
            chars[i] = char.IsControl(c) || !paired ? ' ' : c;
        }

        var cleaned = new string(chars).Trim();
        if (cleaned.Length > MaxQueryLength)
        {
            cleaned = cleaned[..MaxQueryLength];
            if (char.IsHighSurrogate(cleaned[^1]))
            {
                cleaned = cleaned[..^1];
            }
        }

        return cleaned;
    }
}
