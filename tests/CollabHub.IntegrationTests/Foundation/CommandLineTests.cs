using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Foundation;

public sealed class CommandLineTests(PostgresServer postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Migrate_OnEmptyDatabase_AppliesEveryMigrationAndExits()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync("migrate");

        var result = await AppProcess.RunAsync(["migrate"], new Dictionary<string, string?> { ["ConnectionStrings__CollabHub"] = connectionString }, Timeout);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        await using var db = DesignTimeAppDbContextFactory.Create(connectionString);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Groups.CountAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("Password=", result.Output + result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Start_WithoutConnectionStringOrServerPrograms_StopsWithOneClearSentence()
    {
        var result = await AppProcess.RunAsync(
            [],
            new Dictionary<string, string?> { ["LocalPostgres__BinDirectory"] = "/nonexistent/postgresql/bin", ["CollabHub__DataDirectory"] = Path.GetTempPath() },
            Timeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(PostgresBinaries.NotFoundMessage, result.Error);
        Assert.DoesNotContain("   at ", result.Error); // no stack trace
    }

    [Fact]
    public async Task Start_WithUnreachableDatabase_RetriesThenExitsNonZero()
    {
        var closedPort = LocalPostgresCluster.FreeLoopbackPort();
        var result = await AppProcess.RunAsync(
            [],
            new Dictionary<string, string?>
            {
                ["ConnectionStrings__CollabHub"] = $"Host=127.0.0.1;Port={closedPort};Database=x;Username=x;Password=x;Timeout=2",
                ["Database__StartupTimeout"] = "00:00:04",
            },
            Timeout);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not reachable yet", result.Output);
        Assert.Contains("unreachable after", result.Output);
        Assert.DoesNotContain("Password=x", result.Output);
    }
}
