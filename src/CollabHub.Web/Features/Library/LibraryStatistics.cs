using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// The app's copy of the statistics the library page judges by (ANALYZE's most common words of the vectors and the
/// histogram of approval times for a search; the facets' most common values for browsing, see
/// <see cref="LibraryRareFilters"/>), sent with each page as parameters. Reading them from <c>pg_stats</c> cost 0.3-0.5
/// ms of every search and as much again for a browse page with a topic, SDG, language or year (measured at 100,000
/// generated resources, median of 100 runs of one statement: a word nobody has 1.1-1.6 ms, with the copy 0.8-1.1 ms;
/// the view checks privileges and turns a thousand words into text and back, 190 buffers). The statement uses the
/// copy only while ANALYZE has not run since it was read (<see cref="KeySql"/>, two reads of the statistics
/// counters); otherwise it reads <c>pg_stats</c> as before and returns what it read for the next pages. So results
/// never depend on a stale copy.
/// </summary>
public sealed class LibraryStatistics(TimeProvider time)
{
    /// <summary>
    /// ANALYZE stamps its time just before it commits: statistics read within this long after the stamp could still be
    /// the previous ones, so they are not kept (the next searches read them again).
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>A copy is read again after this long even without a new stamp (an ANALYZE inside a long transaction).</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>The facets' array columns whose statistics browsing reads (<see cref="LibraryRareFilters"/>): SQL element type, parameter prefix.</summary>
    private static readonly (string Column, string Type, string Prefix)[] ElementColumns =
        [("topics", "text", "st"), ("sdgs", "integer", "ss"), ("languages", "text", "sl")];

    private volatile Copy? copy;

    /// <summary>When ANALYZE (or autovacuum's) last ran on the resources, or NULL before the first: the copy's key.</summary>
    internal const string KeySql =
        "greatest(pg_stat_get_last_analyze_time('library_resources'::regclass), pg_stat_get_last_autoanalyze_time('library_resources'::regclass))";

    /// <summary>
    /// The CTEs <c>stats_key</c> and <c>stats_cached</c> (the stamp now, and whether the copy sent matches it),
    /// <c>vector_stats</c> (word, share: from <c>pg_stats</c>, only when the copy does not match) and
    /// <c>approved_stats</c> (histogram bounds, share of NULLs: from the copy when it matches, else from <c>pg_stats</c>).
    /// </summary>
    internal static readonly string Sql = $$"""
        stats_key AS (SELECT {{KeySql}} AS at),
        stats_cached AS (SELECT @sat IS NOT NULL AND @sat = (SELECT at FROM stats_key) AS yes),
        vector_stats AS (
            SELECT e.w, e.f
            FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(w, f)
            WHERE NOT (SELECT yes FROM stats_cached)
              AND {{Of("search_vector")}} AND e.w IS NOT NULL),
        approved_stats AS (
            SELECT @sb AS bounds, @sn AS null_frac WHERE (SELECT yes FROM stats_cached)
            UNION ALL
            SELECT s.histogram_bounds::text::timestamptz[], s.null_frac
            FROM pg_stats s
            WHERE NOT (SELECT yes FROM stats_cached) AND {{Of("approved_at")}})
        """;

    /// <summary>
    /// The share of resources holding the word <paramref name="lexeme"/>, NULL when the statistics do not list it: from
    /// the copy by position in its sorted words (joining the thousand words as rows cost as much as reading pg_stats).
    /// </summary>
    internal static string WordShare(string lexeme) =>
        $"CASE WHEN (SELECT yes FROM stats_cached) THEN @sf[array_position(@sw, {lexeme})] ELSE (SELECT e.f FROM vector_stats e WHERE e.w = {lexeme}) END";

    /// <summary>
    /// The share of resources whose array <paramref name="column"/> (topics, sdgs, languages) holds <paramref name="value"/>:
    /// ANALYZE's frequency for it, 0 when not listed; from the copy when it matches.
    /// </summary>
    internal static string ElementShare(string column, string value)
    {
        var (_, type, prefix) = ElementColumns.Single(c => c.Column == column);
        return $"""
            (CASE WHEN (SELECT yes FROM stats_cached) THEN coalesce(@{prefix}f[array_position(@{prefix}v, {value})], 0)::float8
                  ELSE coalesce((SELECT e.f::float8 FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::{type}[], s.most_common_elem_freqs) AS e(v, f)
                                 WHERE {Of(column)} AND e.v = {value}), 0) END)
            """;
    }

    /// <summary>
    /// The share of resources published in the year <paramref name="year"/>: its most common dates' frequencies, plus
    /// the rest's share times the part of the histogram (equal-count buckets) whose bounds fall in the year.
    /// </summary>
    internal static string YearShare(string year) => $"""
        (CASE WHEN (SELECT yes FROM stats_cached) THEN {Year("@spv", "@spf", "@sph", "@spn", year)}
              ELSE coalesce((SELECT {Year("s.most_common_vals::text::date[]", "s.most_common_freqs", "s.histogram_bounds::text::date[]", "s.null_frac", year)}
                             FROM pg_stats s WHERE {Of("published_on")}), 0) END)
        """;

    private static string Year(string values, string freqs, string histogram, string nulls, string year) => $"""
        (coalesce((SELECT sum(m.f) FROM unnest({values}, {freqs}) AS m(d, f) WHERE extract(year FROM m.d) = {year}), 0)::float8
         + (1 - {nulls} - coalesce((SELECT sum(m.f) FROM unnest({freqs}) AS m(f)), 0))::float8
           * (SELECT count(*) FROM unnest({histogram}) AS b(d) WHERE extract(year FROM b.d) = {year})
           / greatest(cardinality({histogram}) - 1, 1))
        """;

    private static string Of(string column) =>
        $"s.schemaname = current_schema() AND s.tablename = 'library_resources' AND s.attname = '{column}'";

    /// <summary>The output field <c>stats</c>: what was read from <c>pg_stats</c>, when the copy sent was not current.</summary>
    internal static readonly string OutputSql = $$"""
        CASE WHEN NOT (SELECT yes FROM stats_cached) AND (SELECT at FROM stats_key) IS NOT NULL THEN json_build_object(
            'at', (SELECT at FROM stats_key), 'now', now(),
            'words', coalesce((SELECT array_agg(v.w ORDER BY v.w) FROM vector_stats v), '{}'),
            'freqs', coalesce((SELECT array_agg(v.f ORDER BY v.w) FROM vector_stats v), '{}'),
            'bounds', (SELECT a.bounds FROM approved_stats a), 'nulls', (SELECT a.null_frac FROM approved_stats a),
            {{string.Join(",\n    ", ElementColumns.Select(c =>
                $"'{c.Column}', (SELECT json_build_object('v', s.most_common_elems::text::{c.Type}[], 'f', s.most_common_elem_freqs) FROM pg_stats s WHERE {Of(c.Column)})"))}},
            'published', (SELECT json_build_object('v', s.most_common_vals::text::date[], 'f', s.most_common_freqs, 'h', s.histogram_bounds::text::date[], 'n', s.null_frac)
                          FROM pg_stats s WHERE {{Of("published_on")}})) END
        """;

    /// <summary>The facets' statistics when there is no copy (the statement then reads pg_stats).</summary>
    private static readonly (string Name, NpgsqlDbType Type, object Value)[] NoFacets =
    [
        .. ElementColumns.SelectMany(c => new (string, NpgsqlDbType, object)[]
        {
            ($"{c.Prefix}v", NpgsqlDbType.Array | (c.Type == "integer" ? NpgsqlDbType.Integer : NpgsqlDbType.Text), c.Type == "integer" ? Array.Empty<int>() : Array.Empty<string>()),
            ($"{c.Prefix}f", NpgsqlDbType.Array | NpgsqlDbType.Real, Array.Empty<float>()),
        }),
        ("spv", NpgsqlDbType.Array | NpgsqlDbType.Date, Array.Empty<DateOnly>()),
        ("spf", NpgsqlDbType.Array | NpgsqlDbType.Real, Array.Empty<float>()),
        ("sph", NpgsqlDbType.Array | NpgsqlDbType.Date, Array.Empty<DateOnly>()),
        ("spn", NpgsqlDbType.Real, 0f),
    ];

    private int copies;

    /// <summary>The ANALYZE stamp of the copy kept, if any.</summary>
    internal DateTime? AnalyzedAt => copy?.AnalyzedAt;

    /// <summary>How many copies have been kept (each one after the statement read <c>pg_stats</c> for want of a current copy).</summary>
    internal int Copies => copies;

    /// <summary>
    /// Binds the copy (or NULLs, which make the statement read <c>pg_stats</c>). The words and their shares only for a
    /// search with <paramref name="words"/>: browsing never judges a word, and binding the thousand words (Npgsql writing
    /// them, PostgreSQL reading them back) was 2% of the app's CPU on a signed-in library page that found nothing.
    /// </summary>
    public void AddParameters(ICollection<NpgsqlParameter> parameters, bool words)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var current = copy;
        if (current is not null && time.GetUtcNow() - current.ReadAt > MaxAge)
        {
            current = null;
        }

        parameters.Add(new NpgsqlParameter("sat", NpgsqlDbType.TimestampTz) { Value = (object?)current?.AnalyzedAt ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("sw", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (words ? current?.Words : null) ?? [] });
        parameters.Add(new NpgsqlParameter("sf", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = (words ? current?.Freqs : null) ?? [] });
        parameters.Add(new NpgsqlParameter("sb", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = (object?)current?.Bounds ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("sn", NpgsqlDbType.Real) { Value = current?.NullFraction ?? 0f });
        foreach (var (name, type, value) in current?.Facets ?? NoFacets)
        {
            parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }
    }

    /// <summary>Keeps what the statement read from <c>pg_stats</c> (its <c>stats</c> field), once ANALYZE's stamp has settled.</summary>
    public void Remember(JsonElement stats)
    {
        if (stats.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var analyzedAt = Timestamp(stats.GetProperty("at"));
        if (Timestamp(stats.GetProperty("now")) - analyzedAt < Settle)
        {
            return;
        }

        var bounds = stats.GetProperty("bounds");
        Interlocked.Increment(ref copies);
        copy = new Copy(
            analyzedAt,
            time.GetUtcNow(),
            [.. stats.GetProperty("words").EnumerateArray().Select(w => w.GetString()!)],
            [.. stats.GetProperty("freqs").EnumerateArray().Select(f => f.GetSingle())],
            bounds.ValueKind == JsonValueKind.Array ? [.. bounds.EnumerateArray().Select(Timestamp)] : null,
            stats.GetProperty("nulls") is { ValueKind: JsonValueKind.Number } nulls ? nulls.GetSingle() : 0f,
            [.. NoFacets.Select(f => (f.Name, f.Type, FacetValue(stats, f.Name) ?? f.Value))]);
    }

    /// <summary>A facet parameter's value from the <c>stats</c> field, or null when ANALYZE left none.</summary>
    private static object? FacetValue(JsonElement stats, string name)
    {
        var (field, part) = name.StartsWith("sp", StringComparison.Ordinal)
            ? ("published", name[2..])
            : (ElementColumns.Single(c => c.Prefix == name[..2]).Column, name[2..]);
        if (stats.GetProperty(field) is not { ValueKind: JsonValueKind.Object } column
            || !column.TryGetProperty(part, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return (field, part) switch
        {
            (_, "f") => value.EnumerateArray().Select(f => f.GetSingle()).ToArray(),
            (_, "n") => value.GetSingle(),
            ("published", _) => value.EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture)).ToArray(),
            ("sdgs", _) => value.EnumerateArray().Select(v => v.GetInt32()).ToArray(),
            _ => (object)value.EnumerateArray().Select(v => v.GetString()!).ToArray(),
        };
    }

    private static DateTime Timestamp(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture).UtcDateTime;

    private sealed record Copy(
        DateTime AnalyzedAt, DateTimeOffset ReadAt, string[] Words, float[] Freqs, DateTime[]? Bounds, float NullFraction,
        (string Name, NpgsqlDbType Type, object Value)[] Facets);
}
