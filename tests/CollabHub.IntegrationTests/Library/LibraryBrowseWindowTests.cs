using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// Browsing by an SDG a middling share of the library holds first looks among the newest resources only, through
/// the SDG's index and the date index together. Whether its resources are among the newest or all older, a reader
/// sees exactly the newest of them, counted exactly, and a private group's stay with its members. Its own database
/// (the library's size and every value's share are the test's), browsing looking at no more than
/// <see cref="SmallBrowseLimitFixture.BrowseLimit"/> resources.
/// </summary>
public sealed class LibraryBrowseWindowTests(SmallBrowseLimitFixture fixture) : IClassFixture<SmallBrowseLimitFixture>
{
    private const int Limit = SmallBrowseLimitFixture.BrowseLimit;

    /// <summary>The library's size: with a tenth of it holding an SDG, the window (twice the limit's matches) is about half of it.</summary>
    private const int Resources = 1000;

    /// <summary>Held by every tenth resource, newest included.</summary>
    private const int SpreadSdg = 9;

    /// <summary>Held by the oldest tenth only, so that the newest resources' window holds none of them.</summary>
    private const int OldSdg = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task BrowseByAMiddlingSdg_ShowsExactlyItsNewestResources_WhereverTheyAre_AndPrivateOnesOnlyToMembers()
    {
        var insider = await Data.MemberAsync("Insider");
        var outsider = await Data.MemberAsync("Outsider");
        var group = await Data.GroupAsync(GroupVisibility.Private, (insider, GroupRole.Owner));
        await Data.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO library_resources (id, slug, title, summary, description, type, authors, languages, topics, sdgs, status,
                                           is_featured, search_config, file_text, download_count, submitted_at, updated_at,
                                           approved_at, version, search_vector, group_id)
            SELECT gen_random_uuid(), 'windowed-' || i, 'Windowed ' || i, 'Windowed summary', '', 'Report', ARRAY[]::text[], ARRAY['en'],
                   ARRAY[]::text[], CASE WHEN i % 10 = 0 THEN ARRAY[{SpreadSdg}] WHEN i <= {Resources / 10} THEN ARRAY[{OldSdg}] ELSE ARRAY[1] END,
                   'Approved', false, 'simple', '', 0, t.at, t.at, t.at + i * interval '1 second', 1, to_tsvector('simple', 'windowed'),
                   -- The newest holder of the spread SDG is in the private group.
                   CASE WHEN i = {Resources} THEN {group.Id} END
            FROM generate_series(1, {Resources}) AS i, (SELECT now() AS at) AS t
            """, Ct));
        await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
        var shares = await Data.QueryAsync(db => db.Database.SqlQuery<double>($"""
            SELECT e.f::float8 AS "Value"
            FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::int[], s.most_common_elem_freqs) AS e(v, f)
            WHERE s.tablename = 'library_resources' AND s.attname = 'sdgs' AND e.v IN ({SpreadSdg}, {OldSdg})
            """).ToListAsync(Ct));
        // Neither rare (all its resources read through its index at once) nor common (the newest walked): the window's regime.
        Assert.All(shares, share => Assert.InRange(share, 0.08, 0.12));
        Assert.Equal(2, shares.Count);

        // Each holder's number, newest first: every tenth resource, and the oldest tenth.
        var spread = Enumerable.Range(1, Resources / 10).Select(k => Resources - (10 * (k - 1))).ToList();
        var old = Enumerable.Range(1, Resources / 10).Select(k => (Resources / 10) - k + 1).Where(i => i % 10 != 0).ToList();
        (string Name, LibraryQuery Query, List<int> Inside, List<int> Outside)[] views =
        [
            ("the SDG held all through", new() { Sdg = SpreadSdg }, spread, spread[1..]),
            ("its second page", new() { Sdg = SpreadSdg, Page = 2 }, spread, spread[1..]),
            ("the SDG held by the oldest only", new() { Sdg = OldSdg }, old, old),
        ];
        foreach (var (name, query, inside, outside) in views)
        {
            foreach (var (viewer, expected) in new[] { (LibraryTestData.Principal(insider), inside), (LibraryTestData.Principal(outsider), outside), (LibraryTestData.Anonymous, outside) })
            {
                var results = await Data.Search.SearchAsync(viewer, query, Ct);
                var page = expected.Take(Limit).Skip((query.Page - 1) * LibraryQuery.PageSize).Take(LibraryQuery.PageSize).Select(i => $"windowed-{i}");
                Assert.True(page.SequenceEqual(results.Hits.Select(h => h.Slug)), $"{name}: {string.Join(", ", results.Hits.Select(h => h.Slug))}");
                Assert.True(results.IsCapped, name);
                Assert.Equal(Limit, results.Total);
                Assert.Equal([(query.Sdg!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Limit)],
                    results.Facet(LibrarySearchResults.SdgFacet).Select(f => (f.Value, f.Count)));
            }
        }

        // Approved in bulk, at three moments: ANALYZE keeps the times as common values and no histogram to place a
        // window by. Browsing walks as before, and shows nothing twice.
        await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE library_resources SET approved_at = date_trunc('day', now()) + (ntile % 3) * interval '1 hour' FROM (SELECT id, row_number() OVER () AS ntile FROM library_resources) n WHERE n.id = library_resources.id", Ct));
        await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
        var bulk = await Data.Search.SearchAsync(LibraryTestData.Principal(insider), new LibraryQuery { Sdg = SpreadSdg }, Ct);
        var bulkSecond = await Data.Search.SearchAsync(LibraryTestData.Principal(insider), new LibraryQuery { Sdg = SpreadSdg, Page = 2 }, Ct);
        var shown = bulk.Hits.Concat(bulkSecond.Hits).Select(h => h.Slug).ToList();
        Assert.Equal(Limit, bulk.Total);
        Assert.Equal(shown.Distinct(), shown);
        Assert.Equal(Limit, shown.Count);
        Assert.All(shown, slug => Assert.Contains(slug, spread.Select(i => $"windowed-{i}")));
    }
}
