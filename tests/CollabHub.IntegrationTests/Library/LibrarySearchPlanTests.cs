using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// The search statement runs on one generic plan per connection (prepared on its first use there) for every kind of query:
/// each search still gets its own results, and the settings it runs with (plan, no JIT) never stay on a pooled connection.
/// </summary>
public sealed class LibrarySearchPlanTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    /// <summary>More rounds than Npgsql's uses before it prepares a statement on its own, so later rounds reuse the cached plan.</summary>
    private const int Rounds = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Search_RepeatedForBrowsingWordsPhrasesAndFilters_GivesEachItsOwnResultsEveryTime()
    {
        var insider = await Data.MemberAsync("Insider");
        var outsider = await Data.MemberAsync("Outsider");
        var moderator = await Data.ModeratorAsync();
        var group = await Data.GroupAsync(GroupVisibility.Private, (insider, GroupRole.Owner));
        var word = LibraryTestData.Word();
        var other = LibraryTestData.Word();
        await Data.ApprovedAsync(insider, moderator, LibraryTestData.Form($"{word} {other} guidance"));
        var dataset = LibraryTestData.Form($"{other} and {word} dataset");
        dataset.Type = nameof(ResourceType.Dataset);
        await Data.ApprovedAsync(insider, moderator, dataset);
        var secret = await Data.SubmitAsync(insider, LibraryTestData.Form($"{word} {other} private note", group: group.Slug));
        Assert.True((await Data.Service.DecideAsync(LibraryTestData.Principal(insider), secret.Id, ResourceDecision.Approve, null, secret.Version, Ct)).Succeeded);
        var outside = LibraryTestData.Principal(outsider);
        var inside = LibraryTestData.Principal(insider);
        (string Name, System.Security.Claims.ClaimsPrincipal User, LibraryQuery Query, int Total)[] searches =
        [
            ("word", outside, new LibraryQuery { Q = word }, 2),
            ("word, as a member of the private group", inside, new LibraryQuery { Q = word }, 3),
            ("phrase in that order", outside, new LibraryQuery { Q = $"\"{word} {other}\"" }, 1),
            ("word and a type", outside, new LibraryQuery { Q = word, Type = ResourceType.Dataset }, 1),
            ("browsing a type", outside, new LibraryQuery { Type = ResourceType.Dataset }, 1),
            ("browsing the private group", outside, new LibraryQuery { Group = group.Slug }, 0),
            ("browsing the private group, as a member", inside, new LibraryQuery { Group = group.Slug }, 1),
            ("a word nobody wrote", outside, new LibraryQuery { Q = LibraryTestData.Word() }, 0),
        ];

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, user, query, total) in searches)
            {
                var results = await Data.Search.SearchAsync(user, query, Ct);
                Assert.True(total == results.Total, $"Round {round + 1}, {name}: {results.Total} found, {total} expected.");
                Assert.True(total == results.Hits.Count, $"Round {round + 1}, {name}: {results.Hits.Count} shown, {total} expected.");
            }
        }
    }

    [Fact]
    public async Task Search_PreparesItsStatementOnTheFirstSearchOfAConnection()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} brief"));
        // Searches through a pool of one connection, so that the connection looked at afterwards is the one searched on.
        var builder = new NpgsqlDataSourceBuilder(fixture.App.Services.GetRequiredService<DatabaseEndpoint>().ConnectionString);
        builder.ConnectionStringBuilder.MaxPoolSize = 1;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        await using var dataSource = builder.Build();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContextOptions.Configure(options, dataSource);
        var services = fixture.App.Services;
        var search = new LibrarySearchService(
            new PooledDbContextFactory<AppDbContext>(options.Options), services.GetRequiredService<IOptions<LibraryOptions>>(),
            services.GetRequiredService<LibrarySearchGate>(), services.GetRequiredService<LibraryStatistics>());

        Assert.Equal(1, (await search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct)).Total);
        Assert.Equal(1, await PreparedSearchesAsync(dataSource));

        // Later searches on that connection use the statement already prepared, whatever they ask.
        Assert.Equal(0, (await search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = LibraryTestData.Word() }, Ct)).Total);
        Assert.Equal(1, (await search.SearchAsync(LibraryTestData.Principal(member), new LibraryQuery { Q = word, Type = ResourceType.Report }, Ct)).Total);
        Assert.Equal(1, await PreparedSearchesAsync(dataSource));
    }

    /// <summary>The search statements prepared on the pool's one connection (a phrase search calls <c>library_phrase_pairs</c>).</summary>
    private static async Task<long> PreparedSearchesAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%library_phrase_pairs(%'", connection);
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Search_LeavesNoPooledConnectionWithItsSettings()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        await Data.ApprovedAsync(member, moderator, LibraryTestData.Form($"{word} brief"));
        for (var i = 0; i < Rounds; i++)
        {
            Assert.Equal(1, (await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct)).Total);
        }

        // Holding many connections at once takes every idle one from the pool, the searches' among them.
        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var contexts = new List<AppDbContext>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var db = await factory.CreateDbContextAsync(Ct);
                contexts.Add(db);
                await db.Database.OpenConnectionAsync(Ct);
            }

            foreach (var db in contexts)
            {
                var changed = await db.Database.SqlQueryRaw<string>(
                    "SELECT name AS \"Value\" FROM pg_settings WHERE name IN ('plan_cache_mode', 'jit') AND setting IS DISTINCT FROM reset_val").ToListAsync(Ct);
                Assert.Empty(changed);
            }
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }
}
