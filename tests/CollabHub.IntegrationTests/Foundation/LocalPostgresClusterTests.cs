using System.Diagnostics;
using System.Globalization;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;
using Npgsql;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>The private cluster the app and the tests provision for themselves, each test in a folder of its own.</summary>
public sealed class LocalPostgresClusterTests : IDisposable
{
    private readonly List<LocalPostgresCluster> clusters = [];

    [Fact]
    public async Task Start_InEmptyFolder_CreatesClusterThatAcceptsConnections()
    {
        var cluster = NewCluster("fresh");

        cluster.Start();

        Assert.True(cluster.WasCreated);
        Assert.False(cluster.WasReused);
        Assert.True(cluster.IsRunning);
        Assert.Equal("PostgreSQL", (await ScalarAsync(cluster, "SELECT split_part(version(), ' ', 1)"))?.ToString());
    }

    [Fact]
    public async Task Start_AfterStop_ReusesClusterAndKeepsItsData()
    {
        var directory = PostgresServer.NewRunDirectory("restart");
        var first = Track(new LocalPostgresCluster(PostgresServer.BinDirectory, directory, PostgresServer.FastSettings));
        first.Start();
        await ScalarAsync(first, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42); SELECT 1");
        first.Stop();
        Assert.False(first.IsRunning);

        var second = Track(new LocalPostgresCluster(PostgresServer.BinDirectory, directory, PostgresServer.FastSettings));
        second.Start();

        Assert.False(second.WasCreated);
        Assert.Equal(42, await ScalarAsync(second, "SELECT id FROM kept"));
    }

    [Fact]
    public async Task Start_WhenCrashedRunLeftServerRunning_AdoptsItAndStopsItOnShutdown()
    {
        var directory = PostgresServer.NewRunDirectory("crashed");
        var crashed = new LocalPostgresCluster(PostgresServer.BinDirectory, directory, PostgresServer.FastSettings);
        crashed.Start();
        File.WriteAllText(Path.Combine(directory, "postgres.owner"), DeadProcessId().ToString(CultureInfo.InvariantCulture));

        var next = Track(new LocalPostgresCluster(PostgresServer.BinDirectory, directory, PostgresServer.FastSettings));
        next.Start();

        Assert.True(next.WasReused);
        Assert.Equal(crashed.Port, next.Port);
        Assert.Equal(1, await ScalarAsync(next, "SELECT 1"));
        next.Stop();
        Assert.False(next.IsRunning);
    }

    [Fact]
    public void Stop_WhenAnotherLiveProcessStartedTheServer_LeavesItRunning()
    {
        var directory = PostgresServer.NewRunDirectory("shared-owner");
        var other = Track(new LocalPostgresCluster(PostgresServer.BinDirectory, directory, PostgresServer.FastSettings));
        other.Start();
        using var owner = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        File.WriteAllText(Path.Combine(directory, "postgres.owner"), owner.Id.ToString(CultureInfo.InvariantCulture));
        try
        {
            var guest = new LocalPostgresCluster(PostgresServer.BinDirectory, directory, PostgresServer.FastSettings);
            guest.Start();
            guest.Stop();

            Assert.True(guest.WasReused);
            Assert.True(other.IsRunning);
        }
        finally
        {
            owner.Kill();
            other.Kill();
        }
    }

    public void Dispose()
    {
        foreach (var cluster in clusters)
        {
            cluster.Kill();
            PostgresServer.TryDelete(cluster.StateDirectory);
        }
    }

    private LocalPostgresCluster NewCluster(string name) =>
        Track(new LocalPostgresCluster(PostgresServer.BinDirectory, PostgresServer.NewRunDirectory(name), PostgresServer.FastSettings));

    private LocalPostgresCluster Track(LocalPostgresCluster cluster)
    {
        clusters.Add(cluster);
        return cluster;
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private static async Task<object?> ScalarAsync(LocalPostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.WithoutPooling(cluster.ConnectionString()));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
