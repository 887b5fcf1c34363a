using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// The library page in one database round trip: a single statement computes the viewer's visible set, the matches,
/// the page of hits with highlighted snippets, the total, the facet counts and the front page's featured items,
/// and returns them as one JSON document. Whatever was typed goes to <c>websearch_to_tsquery</c> as a parameter,
/// which accepts any text without error.
/// </summary>
public sealed class LibrarySearchService(
    IDbContextFactory<AppDbContext> contexts, IOptions<LibraryOptions> options, LibrarySearchGate gate, LibraryStatistics statistics)
{
    private const int FacetLimit = 15;

    /// <summary>How much of a hit's description and file text its snippet is taken from.</summary>
    private const int SnippetSourceLength = 500;

    /// <summary>
    /// The query, in the CTE <c>q</c> once and read from there: on the generic plan it is computed once per search
    /// (about a hundred parses of a few words: 0.1-0.2 ms); empty text gives NULL without parsing.
    /// </summary>
    private static readonly string Query = $"(CASE WHEN @q = '' THEN NULL ELSE {LibrarySearchIndex.QuerySql("@q", "@none")} END)";

    /// <summary>
    /// Words held by at least this share of resources (all of a query's words together) are "common": looked for among
    /// the most recent resources only. Measured at 100,000 generated resources: fetching a word's matches through the GIN
    /// index cost about 14 µs a match (12,774 matches of "sudoka development": 186 ms on the loaded test machine), reading
    /// and matching a recent row's vector about twice that; at 5% the two ways cost about the same for 300 matches.
    /// </summary>
    private const string CommonShare = "0.05";

    /// <summary>
    /// How many matches a middling word's window is expected to hold, per match kept: with twice as many expected, a
    /// pair's words that occur together less often than their shares suggest still fill it mostly.
    /// </summary>
    private const int WindowSpread = 2;

    /// <summary>How many recent resources a common-word search looks through, per match it may keep (its bound on work).</summary>
    private const int WindowPerMatch = 4;

    /// <summary>
    /// The facet filters, one expression the planner cannot take apart: in the generic plan the parameters are unknown,
    /// and as seven separate clauses each was estimated to keep about a tenth of the rows, so a walk of the newest
    /// resources looked costlier than sorting the whole table (measured: a common word 79 ms instead of 14 ms).
    /// </summary>
    private const string Filters = """
        coalesce((@type = '' OR v.type = @type)
                    AND (@topic = '' OR v.topics @> ARRAY[@topic])
                    AND (@sdg = 0 OR v.sdgs @> ARRAY[@sdg])
                    AND (@lang = '' OR v.languages @> ARRAY[@lang])
                    AND (@entity = '' OR v.entity = @entity)
                    AND (@year = 0 OR extract(year FROM v.published_on) = @year)
                    AND (@grp = '' OR v.group_id = (SELECT g.id FROM groups g WHERE g.slug = @grp)), false)
        """;

    /// <summary>
    /// What every candidate carries from the visible resources for the facets, the order and the ranking (its
    /// language's configuration picks the query it is ranked against: <see cref="LibrarySearchIndex.RankQueriesSql"/>).
    /// </summary>
    private const string CandidateColumns =
        "v.id, v.type, v.topics, v.sdgs, v.languages, v.entity, v.published_on, v.approved_at, v.download_count, v.search_config";

    /// <summary>The session settings the statement runs with, set just before it and reset just after.</summary>
    private static readonly (string Set, string Reset)[] Settings =
    [
        ("SET plan_cache_mode = force_generic_plan", "RESET plan_cache_mode"),
        ("SET jit = off", "RESET jit"),
    ];

    /// <summary>The statement for each pair of limits (settings, so in practice one): the limits are written into it.</summary>
    private static readonly ConcurrentDictionary<(int Cap, int Browse), PositionalStatement> Statements = new();

    /// <summary>
    /// The page of results, once <see cref="LibrarySearchGate"/> lets the search run. A page past the last (a link kept
    /// from when more matched) gives the last page, in <see cref="LibrarySearchResults.Query"/>, asked for again only then.
    /// </summary>
    public async Task<LibrarySearchResults> SearchAsync(ClaimsPrincipal user, LibraryQuery query, CancellationToken cancellationToken = default)
    {
        var results = await gate.RunAsync(() => SearchNowAsync(user, query, cancellationToken), cancellationToken);
        var page = Paging.Within(query.Page, results.Total, LibraryQuery.PageSize);
        return page == query.Page ? results
            : await gate.RunAsync(() => SearchNowAsync(user, query with { Page = page }, cancellationToken), cancellationToken);
    }

    private async Task<LibrarySearchResults> SearchNowAsync(ClaimsPrincipal user, LibraryQuery query, CancellationToken cancellationToken)
    {
        var viewer = LibraryViewer.From(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        // The statement runs on its generic plan, made once per connection when it is first prepared there: planning it
        // afresh for every search (PostgreSQL kept choosing custom plans) cost about as much CPU as running it, 6-7 of
        // 15 ms per search at 30,000 resources. The statement is written so that one plan serves every query: each
        // path is chosen at run time by a one-time filter. Without JIT: the generic plan's estimate at 100,000
        // resources is above jit_above_cost, and compiling it took 790 ms of every search. SET and RESET travel in the
        // same round trip and the same implicit transaction, so the settings never outlive the search (and roll back
        // with it on an error).
        await using var batch = new NpgsqlBatch(connection);
        foreach (var setting in Settings)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(setting.Set));
        }

        var statement = Statements.GetOrAdd((options.Value.SearchMatchLimit, options.Value.BrowseLimit), limits => PositionalStatement.From(BuildSql(limits)));
        var command = new NpgsqlBatchCommand(statement.Sql);
        batch.BatchCommands.Add(command);
        foreach (var setting in Settings)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(setting.Reset));
        }

        var sort = query.Sort == LibrarySort.Relevance && query.Q.Length == 0 ? LibrarySort.Newest : query.Sort;
        List<NpgsqlParameter> parameters = [];
        parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = query.Q });
        parameters.Add(new NpgsqlParameter("uid", NpgsqlDbType.Text) { Value = (object?)viewer.UserId ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("admin", NpgsqlDbType.Boolean) { Value = viewer.IsAdministrator });
        parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.Text) { Value = query.Type?.ToString() ?? "" });
        parameters.Add(new NpgsqlParameter("topic", NpgsqlDbType.Text) { Value = query.Topic ?? "" });
        parameters.Add(new NpgsqlParameter("sdg", NpgsqlDbType.Integer) { Value = query.Sdg ?? 0 });
        parameters.Add(new NpgsqlParameter("lang", NpgsqlDbType.Text) { Value = query.Language ?? "" });
        parameters.Add(new NpgsqlParameter("entity", NpgsqlDbType.Text) { Value = query.Entity ?? "" });
        parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer) { Value = query.Year ?? 0 });
        parameters.Add(new NpgsqlParameter("grp", NpgsqlDbType.Text) { Value = query.Group ?? "" });
        parameters.Add(new NpgsqlParameter("sort", NpgsqlDbType.Text) { Value = sort.ToString() });
        parameters.Add(new NpgsqlParameter("skip", NpgsqlDbType.Integer) { Value = (query.Page - 1) * LibraryQuery.PageSize });
        parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = LibraryQuery.PageSize });
        parameters.Add(new NpgsqlParameter("front", NpgsqlDbType.Boolean) { Value = !query.IsFiltered && query.Page == 1 });
        // The empty tsquery goes as text for the server to read (its binary form is refused as malformed).
        parameters.Add(new NpgsqlParameter("none", NpgsqlDbType.Unknown) { Value = "" });
        parameters.Add(new NpgsqlParameter("hl", NpgsqlDbType.Text) { Value = SearchHighlight.HeadlineOptions });
        parameters.Add(new NpgsqlParameter("hlall", NpgsqlDbType.Text) { Value = $"HighlightAll=true, StartSel={SearchHighlight.Start}, StopSel={SearchHighlight.Stop}" });
        statistics.AddParameters(parameters, words: query.Q.Length > 0);
        statement.Bind(command.Parameters, parameters);
        // Prepared from its first use on a connection, not after Npgsql's five: each unprepared run is planned afresh,
        // and a new server process's first runs are its dearest. Timed on one new connection each (PostgreSQL's own
        // log, demo content, idle machine): the first five searches took 390-530 ms unprepared (the second alone
        // 110-140 ms), 210-250 ms prepared (the second 10-16 ms). On a connection where all five statements are prepared
        // already, Npgsql sends nothing for this: the search stays one round trip.
        await batch.PrepareAsync(cancellationToken);
        var json = (string)(await batch.ExecuteScalarAsync(cancellationToken))!;
        using var document = JsonDocument.Parse(json);
        statistics.Remember(document.RootElement.GetProperty("stats"));
        return LibrarySearchReader.Read(query, document.RootElement);
    }

    /// <summary>
    /// A browsing branch: the newest <paramref name="browse"/> + 1 visible resources that meet <paramref name="condition"/>
    /// and the filters, found by walking an index in date order, or (<paramref name="sorted"/>) by sorting the
    /// condition's matches (an expression no index has keeps the planner from walking the date index).
    /// </summary>
    private static string Browse(string condition, int browse, bool sorted = false) => $"""
        (SELECT {CandidateColumns}, NULL::tsvector
         FROM visible v
         WHERE @q = '' AND {condition} AND {Filters}
         ORDER BY {(sorted ? "v.approved_at + interval '0 seconds'" : "v.approved_at")} DESC
         LIMIT {browse + 1})
        """;

    /// <summary>
    /// The browsing branch that reads all the matches of one topic, SDG, language or year through its own index
    /// (<see cref="LibraryRareFilters"/>): a rare one, or a middling one whose window held too few (one branch for the four kinds).
    /// </summary>
    private static string RareBrowse(int browse) => Browse($"(SELECT kind FROM by_index) IS NOT NULL AND {LibraryRareFilters.Condition("by_index")}", browse, sorted: true);

    /// <summary>
    /// A searching branch: the newest <paramref name="cap"/> + 1 visible resources that meet <paramref name="condition"/>
    /// and the filters, sorted by an expression no index has, so that the planner takes the matches from a GIN index
    /// rather than walking the date index and reading vectors until enough match.
    /// </summary>
    private static string Matches(string condition, int cap) => $"""
        (SELECT {CandidateColumns}, v.search_vector
         FROM visible v
         WHERE {condition} AND {Filters}
         ORDER BY v.approved_at + interval '0 seconds' DESC
         LIMIT {cap + 1})
        """;

    /// <summary>Whether a search reads all its matches: words were typed, they are not common, and no window held enough.</summary>
    private static string AllMatches(int cap) => $"@q <> '' AND NOT (SELECT yes FROM common) AND (SELECT count(*) FROM windowed) <= {cap}";

    /// <summary>
    /// A phrase's matches through the index of its adjacent word pairs, the query then checked on those through the
    /// function rather than the operator, so that the planner does not also read the words' index.
    /// </summary>
    private static readonly string PairsMatch =
        $"{LibrarySearchIndex.WordPairsSql("v.search_vector")} @@ (SELECT pairs FROM q) AND ts_match_vq(v.search_vector, (SELECT query FROM q))";

    /// <summary>Whether browsing walks the date index: no rare filter, and no window for a middling one.</summary>
    private const string Walk = "(SELECT kind FROM rare) IS NULL AND (SELECT at FROM browse_cutoff) IS NULL";

    /// <summary>
    /// The match limit, the window and the browse limit are written in as numbers, not bound: the generic plan then
    /// knows how many rows a limit keeps (with a bound limit it assumed a tenth of the table and sorted all of it).
    /// </summary>
    private static string BuildSql((int Cap, int Browse) limits) => BuildSql(limits.Cap, limits.Cap * WindowPerMatch, limits.Browse);

    private static string BuildSql(int cap, int window, int browse) => $$"""
        WITH q AS (SELECT x.query, {{LibrarySearchIndex.PhrasePairsSql("x.query")}} AS pairs FROM (SELECT {{Query}} AS query) x),
        -- The query as each language's resources read it, one row per configuration (see LibrarySearchIndex.RankQueriesSql).
        ranking AS MATERIALIZED ({{LibrarySearchIndex.RankQueriesSql("@q", "@none")}}),
        -- No join to groups here: with one, a walk of the newest resources needed a nested loop into groups per row, which
        -- the planner priced above reading the whole table and sorting it, so every search of a common word read every row
        -- (benchmark data, common words: 14,759 buffers a search at 30,000 resources, 44,651 at 100,000; walking the date
        -- index instead, 2,366 and 3,126). The group's rules are subplans the planner hashes, its slug an init plan.
        visible AS NOT MATERIALIZED (
            SELECT r.*
            FROM library_resources r
            WHERE r.status = 'Approved'
              -- One expression, as the filters are (see Filters).
              AND coalesce(r.group_id IS NULL OR @admin
                   OR (@uid IS NOT NULL
                       AND (EXISTS (SELECT 1 FROM group_memberships gm WHERE gm.group_id = r.group_id AND gm.user_id = @uid)
                            OR EXISTS (SELECT 1 FROM groups g
                                       WHERE g.id = r.group_id AND g.visibility = 0
                                         AND NOT EXISTS (SELECT 1 FROM group_bans gb WHERE gb.group_id = g.id AND gb.user_id = @uid)))), false)),
        {{LibraryStatistics.Sql}},
        {{LibraryRareFilters.Cte(browse)}},
        -- How common the words are, from the statistics ANALYZE keeps on the vectors (LibraryStatistics): the share of resources holding each
        -- word, multiplied over the words (all must match), as written and as each language stems them, whichever is
        -- most common (the search matches them all). Judged as written alone, "policies" was rare while its stem
        -- "polici" is in a third of the benchmark's resources: its 30,000 matches were read and sorted (300 ms) where
        -- "policy" looks through the newest resources (20 ms). Unknown words count as rare.
        share AS (
            SELECT CASE WHEN @q = '' THEN 0 ELSE coalesce((
                SELECT max(p.f) FROM (
                    SELECT exp(sum(ln(greatest(coalesce({{LibraryStatistics.WordShare("w.lexeme")}}, 0), 1e-9)))) AS f
                    FROM {{LibrarySearchIndex.ConfigsSql}} AS c(config)
                         CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(c.config::regconfig, @q))) AS w(lexeme)
                    GROUP BY c.config) p), 0) END AS f),
        common AS (SELECT (SELECT f FROM share) >= {{CommonShare}} AS yes),
        -- Words of middling share are first looked for among the newest resources only, in a window expected to hold
        -- {{WindowSpread}} times the matches kept: its start is read from ANALYZE's histogram of approval times (no index
        -- walk), and the window is combined with the GIN matches in the index (BitmapAnd), so only the window's matches
        -- are read from the table. Without statistics, or for rare words, there is no window.
        cutoff AS (
            SELECT h.bounds[floor((cardinality(h.bounds) - 1) * (1 - {{WindowSpread}} * ({{cap + 1}}) / (s.f * h.n)))::int + 1] AS at
            FROM share s,
                 (SELECT st.bounds, c.reltuples * (1 - st.null_frac) AS n
                  FROM approved_stats st JOIN pg_class c ON c.oid = 'library_resources'::regclass) h
            -- Not for phrases: the index cannot tell word order, so each candidate's vector is read to check it, and
            -- a phrase is much rarer than its words together (over 300 benchmark queries, windows for phrases read 9%
            -- more buffers, mostly on windows that then held too few).
            WHERE s.f > 0 AND s.f < {{CommonShare}} AND {{WindowSpread}} * ({{cap + 1}}) < s.f * h.n
              AND strpos((SELECT query FROM q)::text, '<') = 0),
        -- Common words are looked for among the {{window}} most recently approved resources (that pass the filters) and the
        -- first {{cap + 1}} matches in that (newest first) order kept: each row looked at has its vector read, so the window
        -- bounds the work.
        recent AS MATERIALIZED (
            SELECT {{CandidateColumns}}, v.search_vector
            FROM visible v
            WHERE (SELECT yes FROM common) AND {{Filters}}
            ORDER BY v.approved_at DESC
            LIMIT {{window}}),
        -- The window's newest {{cap + 1}} matches; when it holds no more than {{cap}} (or there is no window), the search below
        -- looks at every match instead, so what is kept is always the newest {{cap + 1}} of all matches.
        -- The query is read from q once (in the generic plan, written out here it was parsed again for the index scan).
        windowed AS MATERIALIZED {{Matches("(SELECT at FROM cutoff) IS NOT NULL AND v.approved_at >= (SELECT at FROM cutoff) AND v.search_vector @@ (SELECT query FROM q)", cap)}},
        -- Browsing by a middling topic, SDG, language or year (LibraryRareFilters): the newest {{browse + 1}} of its matches
        -- approved from the cutoff on, read through its own index and the date index together. When the window holds no
        -- more than {{browse}} (its value, or the filters together, rarer among the newest than the statistics said), all of
        -- the value's matches are read through its index instead (by_index), so what is kept is always the newest of all.
        browse_window AS MATERIALIZED {{Browse($"(SELECT at FROM browse_cutoff) IS NOT NULL AND v.approved_at >= (SELECT at FROM browse_cutoff) AND {LibraryRareFilters.Condition("browse_cutoff")}", browse, sorted: true)}},
        by_index AS (
            SELECT coalesce((SELECT kind FROM rare),
                            (SELECT kind FROM browse_cutoff WHERE (SELECT count(*) FROM browse_window) <= {{browse}})) AS kind),
        -- Other searches take their matches from the GIN index (ordering by an expression no index has keeps the planner
        -- from walking the date index and reading vectors until enough match: 10,000 rows for a word in 5% of them) and
        -- keep the newest {{cap + 1}}. Browsing (no words) stays exact. Only these candidates are ranked (ts_rank_cd reads
        -- each vector again: ranking 100,000 matches of "development" was most of the old statement's 10 s), each against
        -- the query as its own language reads it (ranking).
        matched AS MATERIALIZED (
            SELECT c.id, c.type, c.topics, c.sdgs, c.languages, c.entity, c.published_on, c.approved_at, c.download_count,
                   CASE WHEN @sort = 'Relevance'
                        THEN ts_rank_cd(c.search_vector, (SELECT k.query FROM ranking k WHERE k.config = c.search_config))
                        ELSE 0 END AS rank
            FROM q, ((SELECT v.* FROM recent v WHERE v.search_vector @@ (SELECT query FROM q) LIMIT {{cap + 1}})
                     UNION ALL
                     (SELECT * FROM windowed WHERE (SELECT count(*) FROM windowed) > {{cap}})
                     UNION ALL
                     {{Matches($"{AllMatches(cap)} AND (SELECT pairs FROM q) IS NULL AND v.search_vector @@ (SELECT query FROM q)", cap)}}
                     UNION ALL
                     -- A quoted phrase's matches through the index of adjacent word pairs: only resources holding its
                     -- words next to each other are read, where the words' index gave every resource holding them
                     -- anywhere, each vector read to check the order (a rare phrase of two common words: 3,395 read for
                     -- 19 matches, 18 ms). The query is then checked on those few (PairsMatch).
                     {{Matches($"{AllMatches(cap)} AND (SELECT pairs FROM q) IS NOT NULL AND {PairsMatch}", cap)}}
                     UNION ALL
                     -- Browsing (no words) has its own branch: one plan serves both, and a condition "no words or a
                     -- match" kept the generic plan from using the GIN index.
                     -- It walks the date index to the {{browse + 1}} most recently approved resources that pass the filters and
                     -- never reads the rest: counting and faceting every visible row cost 185 ms of database CPU a page at
                     -- 30,000 resources (now 2-4 ms).
                     {{Browse($"{Walk} AND @grp = '' AND @type = '' AND @entity = ''", browse)}}
                     UNION ALL
                     -- A group's library, a type and an issuer each walk their own part of an index (value, status,
                     -- approval): through the date index alone, a value few resources have read every row of the library
                     -- to find them (an issuer nobody has: 140 ms at 100,000 resources).
                     {{Browse($"{Walk} AND @grp <> '' AND v.group_id = (SELECT g.id FROM groups g WHERE g.slug = @grp)", browse)}}
                     UNION ALL
                     {{Browse($"{Walk} AND @grp = '' AND @type <> '' AND v.type = @type", browse)}}
                     UNION ALL
                     {{Browse($"{Walk} AND @grp = '' AND @type = '' AND @entity <> '' AND v.entity = @entity", browse)}}
                     UNION ALL
                     -- A topic, SDG, language or year few resources have: its matches from its own index, whatever
                     -- the other filters (see LibraryRareFilters).
                     {{RareBrowse(browse)}}
                     UNION ALL
                     (SELECT * FROM browse_window WHERE (SELECT count(*) FROM browse_window) > {{browse}})) c),
        counted AS NOT MATERIALIZED (SELECT * FROM matched LIMIT CASE WHEN @q = '' THEN {{browse}} ELSE {{cap}} END),
        page AS (
            SELECT r.*, g.name AS group_name, o.ord
            FROM (SELECT m.id, row_number() OVER (ORDER BY
                         CASE WHEN @sort = 'MostDownloaded' THEN m.download_count END DESC NULLS LAST,
                         CASE WHEN @sort = 'Relevance' THEN m.rank END DESC NULLS LAST,
                         coalesce(m.published_on, m.approved_at::date) DESC NULLS LAST, m.approved_at DESC, m.id) AS ord
                  FROM counted m
                  ORDER BY ord
                  OFFSET @skip LIMIT @take) o
            JOIN library_resources r ON r.id = o.id
            LEFT JOIN groups g ON g.id = r.group_id)
        SELECT json_build_object(
            'total', (SELECT count(*) FROM counted),
            'capped', CASE WHEN @q = '' THEN (SELECT count(*) FROM matched) > {{browse}}
                           ELSE (SELECT count(*) FROM matched) > {{cap}} OR (SELECT count(*) FROM recent) >= {{window}} END,
            'hits', coalesce((
                SELECT json_agg(json_build_object(
                    'id', p.id, 'slug', p.slug,
                    'title', CASE WHEN @q = '' THEN p.title ELSE ts_headline(p.search_config::regconfig, p.title, q.query, @hlall) END,
                    'summary', CASE WHEN @q = '' THEN p.summary ELSE ts_headline(p.search_config::regconfig, p.summary, q.query, @hlall) END,
                    -- The snippet comes from the first {{SnippetSourceLength}} characters of description and file text: ts_headline
                    -- parses all it is given, and a page of 20 long documents cost more than the search.
                    'snippet', CASE WHEN @q = '' THEN NULL
                                    ELSE ts_headline(p.search_config::regconfig, left(p.description || ' ' || p.file_text, {{SnippetSourceLength}}), q.query, @hl) END,
                    'type', p.type, 'entity', p.entity, 'published', p.published_on,
                    'languages', p.languages, 'topics', p.topics, 'sdgs', p.sdgs, 'downloads', p.download_count,
                    'hasFiles', EXISTS (SELECT 1 FROM library_resource_files rf WHERE rf.resource_id = p.id),
                    'link', p.link_url, 'group', p.group_name) ORDER BY p.ord)
                FROM page p CROSS JOIN q), '[]'::json),
            'facets', coalesce((
                SELECT json_agg(json_build_object('f', x.f, 'v', x.v, 'n', x.n)) FROM (
                    SELECT 'type' AS f, m.type AS v, count(*) AS n FROM counted m GROUP BY m.type
                    UNION ALL
                    (SELECT 'topic', t.v, count(*) FROM counted m CROSS JOIN LATERAL unnest(m.topics) AS t(v) GROUP BY t.v ORDER BY count(*) DESC, t.v LIMIT {{FacetLimit}})
                    UNION ALL
                    SELECT 'sdg', s.v::text, count(*) FROM counted m CROSS JOIN LATERAL unnest(m.sdgs) AS s(v) GROUP BY s.v
                    UNION ALL
                    SELECT 'language', l.v, count(*) FROM counted m CROSS JOIN LATERAL unnest(m.languages) AS l(v) GROUP BY l.v
                    UNION ALL
                    (SELECT 'entity', m.entity, count(*) FROM counted m WHERE m.entity IS NOT NULL GROUP BY m.entity ORDER BY count(*) DESC, m.entity LIMIT {{FacetLimit}})
                    UNION ALL
                    SELECT 'year', extract(year FROM m.published_on)::int::text, count(*) FROM counted m WHERE m.published_on IS NOT NULL GROUP BY 2) x), '[]'::json),
            'featured', CASE WHEN @front THEN coalesce((
                SELECT json_agg(json_build_object('id', f.id, 'slug', f.slug, 'title', f.title, 'summary', f.summary, 'type', f.type,
                                                  'entity', f.entity, 'published', f.published_on, 'group', f.group_name))
                FROM (SELECT v.*, g.name AS group_name FROM visible v LEFT JOIN groups g ON g.id = v.group_id
                      WHERE v.is_featured ORDER BY v.approved_at DESC LIMIT 6) f), '[]'::json) ELSE '[]'::json END,
            'collections', CASE WHEN @front THEN coalesce((
                SELECT json_agg(json_build_object('id', c.id, 'slug', c.slug, 'title', c.title, 'description', c.description, 'n', c.n))
                FROM (SELECT lc.*, (SELECT count(*) FROM library_collection_items i JOIN visible v ON v.id = i.resource_id WHERE i.collection_id = lc.id) AS n
                      FROM library_collections lc WHERE lc.is_featured ORDER BY lc.updated_at DESC LIMIT 4) c), '[]'::json) ELSE '[]'::json END,
            'stats', {{LibraryStatistics.OutputSql}})::text
        """;
}
