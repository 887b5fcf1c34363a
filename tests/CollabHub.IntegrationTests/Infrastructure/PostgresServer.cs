using System.Globalization;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

[assembly: AssemblyFixture(typeof(CollabHub.IntegrationTests.Infrastructure.PostgresServer))]

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, provisioned the way the app provisions its own. A migrated
/// template database is cloned for each test class, so classes are isolated and start in milliseconds.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string TemplateDatabase = "collabhub_template";

    /// <summary>Test speed over durability: a crash loses nothing we need.</summary>
    public static readonly string[] FastSettings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];

    private static readonly string RunsRoot = Path.Combine(Path.GetTempPath(), "collabhub-tests");
    private readonly SemaphoreSlim cloneGate = new(1, 1);
    private LocalPostgresCluster? cluster;
    private int databaseCounter;

    public LocalPostgresCluster Cluster => cluster ?? throw new InvalidOperationException("The server has not started.");

    public static string BinDirectory => PostgresBinaries.Find(Environment.GetEnvironmentVariable("LocalPostgres__BinDirectory"))
        ?? throw new InvalidOperationException(PostgresBinaries.NotFoundMessage);

    public async ValueTask InitializeAsync()
    {
        CleanUpAbandonedRuns();
        cluster = new LocalPostgresCluster(BinDirectory, NewRunDirectory("shared"), FastSettings);
        cluster.Start();

        await ExecuteAsync($"CREATE DATABASE {TemplateDatabase}");
        await using (var db = DesignTimeAppDbContextFactory.Create(WithoutPooling(cluster.ConnectionString(TemplateDatabase))))
        {
            await db.Database.MigrateAsync();
        }
    }

    /// <summary>A fresh, migrated database cloned from the template; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = DatabaseName(purpose);
        await cloneGate.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateDatabase}");
        }
        finally
        {
            cloneGate.Release();
        }

        return Cluster.ConnectionString(name);
    }

    /// <summary>An empty database with no schema at all, for migration tests.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string purpose)
    {
        var name = DatabaseName(purpose);
        await ExecuteAsync($"CREATE DATABASE {name}");
        return Cluster.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (cluster is not null)
        {
            cluster.Stop();
            // The whole run's folder: every test class has finished with its own clusters by now.
            TryDelete(Path.GetDirectoryName(cluster.StateDirectory)!);
        }

        cloneGate.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>A folder for a cluster of this run, named after this process so a later run can tell it was abandoned.</summary>
    public static string NewRunDirectory(string name)
    {
        var directory = Path.Combine(RunsRoot, $"run-{Environment.ProcessId}", name);
        Directory.CreateDirectory(RunsRoot);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Stops and deletes clusters left by runs that crashed or were killed before they could clean up.</summary>
    private static void CleanUpAbandonedRuns()
    {
        if (!Directory.Exists(RunsRoot))
        {
            return;
        }

        foreach (var run in Directory.EnumerateDirectories(RunsRoot, "run-*"))
        {
            var pidText = Path.GetFileName(run)["run-".Length..];
            if (int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && !LocalPostgresCluster.ProcessIsAlive(pid))
            {
                foreach (var state in Directory.EnumerateDirectories(run))
                {
                    new LocalPostgresCluster(BinDirectory, state).Kill();
                }

                TryDelete(run);
            }
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the next run's clean-up removes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string DatabaseName(string purpose)
    {
        var slug = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray());
        return $"t{Interlocked.Increment(ref databaseCounter)}_{slug}";
    }

    /// <summary>A connection that really closes: a pooled one would keep a database busy (no clone, no stop).</summary>
    public static string WithoutPooling(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(WithoutPooling(Cluster.ConnectionString()));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
