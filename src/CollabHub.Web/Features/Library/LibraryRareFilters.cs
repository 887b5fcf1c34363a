namespace CollabHub.Web.Features.Library;

/// <summary>
/// Browsing by a topic, SDG, language or year that few resources have. Walking the date index for the newest matches
/// reads about <c>limit / share</c> rows, so a value one resource in a thousand has read the whole library to find 100
/// (at 100,000 generated resources: 220-720 ms a page on the loaded test machine, 197,000 buffers; a value nobody has
/// as much). Such a value's matches are taken from its own index instead (the GIN indexes of the arrays, the date
/// index of <c>published_on</c>) and sorted: work in proportion to the matches. Which way is chosen at run time, in the
/// one generic plan, from the statistics ANALYZE keeps (as the search judges its words): the share of resources
/// holding the value, for the filter with the smallest share, and of resources passing all the filters. A value
/// neither rare nor common is looked for among the newest resources first (<see cref="Cte"/>). The choice changes only
/// the work, never the rows: every way keeps the newest matches that pass every filter.
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
    /// How much a row id read from an index for a bitmap costs against a row walked in the date index (which is read
    /// from the table and has the filters evaluated). Measured at 100,000 generated resources, SDG 5 (6% of them),
    /// warm: the window's 18,000 ids from the two indexes and 746 rows read 2.8 ms, the walk's 4,826 rows 4.5 ms.
    /// </summary>
    private const double IdCostPerRow = 0.1;

    /// <summary>
    /// How many matches a middling value's window is expected to hold, per match kept: with twice as many expected,
    /// a value whose newest resources hold it less often than its share suggests still fills the window mostly.
    /// </summary>
    private const int WindowSpread = 2;

    /// <summary>
    /// The rare filter's matches, in one branch: each kind's condition is served by its own index (a BitmapOr of
    /// the four), and those of the kinds not chosen ask for a value no resource has (topic and language '', SDG 0, no
    /// date), so their index probes find nothing (6 buffers). As four branches, one a kind, the plan had 31 more
    /// nodes, which every page sets up and each branch its own copy of the visibility and filter expressions (at
    /// 100,000 resources, medians of 20 runs: 0.05-0.25 ms less a page this way, the same rows).
    /// </summary>
    /// <param name="kind">Where the chosen kind is read: the CTE <c>browse_cutoff</c> or <c>by_index</c>.</param>
    public static string Condition(string kind) => $"""
        (v.topics @> ARRAY[CASE WHEN (SELECT kind FROM {kind}) = 'topic' THEN @topic ELSE '' END]
         OR v.sdgs @> ARRAY[CASE WHEN (SELECT kind FROM {kind}) = 'sdg' THEN @sdg ELSE 0 END]
         OR v.languages @> ARRAY[CASE WHEN (SELECT kind FROM {kind}) = 'language' THEN @lang ELSE '' END]
         -- greatest(): make_date(0, 1, 1) would fail wherever it was evaluated.
         OR (v.published_on >= CASE WHEN (SELECT kind FROM {kind}) = 'year' THEN make_date(greatest(@year, 1), 1, 1) ELSE 'infinity'::date END
             AND v.published_on < make_date(greatest(@year, 1) + 1, 1, 1)))
        """;

    /// <summary>
    /// The CTEs <c>pick</c>, <c>rare</c> and <c>browse_cutoff</c>. <c>pick</c> holds the kind of the filter set with
    /// the smallest share of resources, that share, and the share of the filters together (their shares multiplied, as
    /// if independent). <c>rare</c> holds that kind when reading all its matches (its share × rows, at
    /// <see cref="IndexCostPerRow"/>) costs less than walking the date index to <paramref name="browse"/> + 1 resources
    /// that pass every filter (1 / the filters' share rows each); otherwise NULL. A value the statistics do not list
    /// counts as rare (ANALYZE lists up to a thousand elements an array column holds, all but the rarest), and so does
    /// every value before the first ANALYZE. Nothing is read from the statistics for a search with words or a filter
    /// not set.
    /// <para>
    /// <c>browse_cutoff</c> is for filters neither rare nor common (SDG 5 in the benchmark, held by 6% of the
    /// resources: the walk read 4,826 rows for 301, the slowest of its browsing pages): the kind and the approval time
    /// from which the newest resources are expected to hold <see cref="WindowSpread"/> times the matches kept, read
    /// from ANALYZE's histogram of approval times as the search's window is. The value's index and the date index then
    /// give the window's matches together (BitmapAnd), and only those rows are read. It is used when the ids read
    /// from the two indexes (share × rows, and the window's rows), at <see cref="IdCostPerRow"/>, and the rows read
    /// cost less than the walk: so not for a value most resources hold, whose walk is short, nor for one whose own index
    /// holds most of a large library. Not with a type, issuer or group either, whose shares are not known here: each
    /// walks its own index. Should the window hold too few all the same, the kind's matches are all read through its
    /// index (the search's <c>by_index</c>), whose cost is known, rather than walking on for an unknown distance.
    /// </para>
    /// </summary>
    public static string Cte(int browse) => $"""
        pick AS (
            SELECT (array_agg(x.kind ORDER BY x.f))[1] AS kind, min(x.f) AS f, exp(sum(ln(greatest(x.f, 1e-9)))) AS fall,
                   greatest((SELECT c.reltuples FROM pg_class c WHERE c.oid = 'library_resources'::regclass), 0) AS n
            FROM (VALUES ('topic', CASE WHEN @topic <> '' THEN {LibraryStatistics.ElementShare("topics", "@topic")} END),
                         ('sdg', CASE WHEN @sdg <> 0 THEN {LibraryStatistics.ElementShare("sdgs", "@sdg")} END),
                         ('language', CASE WHEN @lang <> '' THEN {LibraryStatistics.ElementShare("languages", "@lang")} END),
                         ('year', CASE WHEN @year <> 0 THEN {LibraryStatistics.YearShare("@year")} END)) AS x(kind, f)
            WHERE @q = '' AND x.f IS NOT NULL
            HAVING count(*) > 0),
        rare AS (SELECT (SELECT p.kind FROM pick p WHERE {IndexCostPerRow} * p.f * p.fall * p.n < {browse + 1}) AS kind),
        browse_cutoff AS (
            SELECT w.kind, w.at
            FROM (SELECT p.kind, h.bounds[floor((cardinality(h.bounds) - 1) * (1 - {WindowSpread} * {browse + 1} / (p.fall * h.n)))::int + 1] AS at
                  -- No share of 0 (a value the statistics do not list is rare): the terms below may be evaluated in any order.
                  FROM (SELECT kind, nullif(f, 0) AS f, nullif(fall, 0) AS fall, n FROM pick) p,
                       (SELECT st.bounds, c.reltuples * (1 - st.null_frac) AS n
                        FROM approved_stats st JOIN pg_class c ON c.oid = 'library_resources'::regclass) h
                  WHERE @type = '' AND @entity = '' AND @grp = ''
                    AND {IndexCostPerRow} * p.f * p.fall * p.n >= {browse + 1}
                    AND {WindowSpread} * {browse + 1} < p.fall * h.n
                    AND {IdCostPerRow} * (p.f * p.n + {WindowSpread} * {browse + 1} / p.fall) + {WindowSpread} * {browse + 1} * p.f / p.fall
                        < least(p.n, {browse + 1} / p.fall)) w
            -- No histogram (approval times ANALYZE found all among its most common values): no window, and no row, so
            -- that browsing walks as before rather than both walking and reading through the index.
            WHERE w.at IS NOT NULL)
        """;
}
