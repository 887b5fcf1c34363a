namespace CollabHub.Web.Features.Library;

/// <summary>
/// Browsing by a topic, SDG, language or year that few resources have. Walking the date index for the newest matches
/// reads about <c>limit / share</c> rows, so a value one resource in a thousand has read the whole library to find 100
/// (at 100,000 generated resources: 220-720 ms a page on the loaded test machine, 197,000 buffers; a value nobody has
/// as much). Such a value's matches are taken from its own index instead (the GIN indexes of the arrays, the date
/// index of <c>published_on</c>) and sorted: work in proportion to the matches. Which way is chosen at run time, in the
/// one generic plan, from the statistics ANALYZE keeps (as the search judges its words): the share of resources
/// holding the value, for the filter with the smallest share. The choice changes only the work, never the rows: both
/// ways keep the newest matches that pass every filter.
/// </summary>
internal static class LibraryRareFilters
{
    /// <summary>
    /// What a match read through its own index costs against a row walked in the date index. Measured at 100,000
    /// generated resources, SDG 5 (6% of them): 6,200 matches through the GIN index 58-118 ms (their rows are spread
    /// over the table, mostly not in shared buffers), the 5,100 newest rows walked for 301 matches 9-13 ms (the newest
    /// rows are the ones every page reads, so they stay cached): about 4 times as much a row, measured under the same
    /// conditions back to back.
    /// </summary>
    private const int IndexCostPerRow = 4;

    /// <summary>
    /// The rare filter's matches, in one branch: each kind's condition is served by its own index (a BitmapOr of
    /// the four), and those of the kinds not chosen ask for a value no resource has (topic and language '', SDG 0, no
    /// date), so their index probes find nothing (6 buffers). As four branches, one a kind, the plan had 31 more
    /// nodes, which every page sets up and each branch its own copy of the visibility and filter expressions (at
    /// 100,000 resources, medians of 20 runs: 0.05-0.25 ms less a page this way, the same rows).
    /// </summary>
    public const string Condition = """
        (v.topics @> ARRAY[CASE WHEN (SELECT kind FROM rare) = 'topic' THEN @topic ELSE '' END]
         OR v.sdgs @> ARRAY[CASE WHEN (SELECT kind FROM rare) = 'sdg' THEN @sdg ELSE 0 END]
         OR v.languages @> ARRAY[CASE WHEN (SELECT kind FROM rare) = 'language' THEN @lang ELSE '' END]
         -- greatest(): make_date(0, 1, 1) would fail wherever it was evaluated.
         OR (v.published_on >= CASE WHEN (SELECT kind FROM rare) = 'year' THEN make_date(greatest(@year, 1), 1, 1) ELSE 'infinity'::date END
             AND v.published_on < make_date(greatest(@year, 1) + 1, 1, 1)))
        """;

    /// <summary>
    /// The CTE <c>rare</c>: the kind of the rarest filter set, when reading its matches (share × rows, at
    /// <see cref="IndexCostPerRow"/>) costs less than walking the date index to <paramref name="browse"/> + 1 of them
    /// (1 / share rows a match); otherwise NULL. A value the statistics do not list counts as rare (ANALYZE lists up
    /// to a thousand elements an array column holds, all but the rarest), and so does every value before the first
    /// ANALYZE. Nothing is read from the statistics for a search with words or a filter not set.
    /// </summary>
    public static string Cte(int browse) => $"""
        rare AS (
            SELECT CASE WHEN @q = '' THEN (
                SELECT x.kind
                FROM (VALUES ('topic', CASE WHEN @topic <> '' THEN {LibraryStatistics.ElementShare("topics", "@topic")} END),
                             ('sdg', CASE WHEN @sdg <> 0 THEN {LibraryStatistics.ElementShare("sdgs", "@sdg")} END),
                             ('language', CASE WHEN @lang <> '' THEN {LibraryStatistics.ElementShare("languages", "@lang")} END),
                             ('year', CASE WHEN @year <> 0 THEN {LibraryStatistics.YearShare("@year")} END)) AS x(kind, f)
                WHERE x.f IS NOT NULL
                  AND {IndexCostPerRow} * x.f * x.f * greatest((SELECT c.reltuples FROM pg_class c WHERE c.oid = 'library_resources'::regclass), 0) < {browse + 1}
                ORDER BY x.f
                LIMIT 1) END AS kind)
        """;
}
