using System.Security.Cryptography;
using System.Text;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>
/// The database this app talks to: <c>ConnectionStrings:CollabHub</c> when configured, otherwise a private
/// PostgreSQL cluster provisioned on first use under the checkout's <c>.data/</c> and stopped on shutdown.
/// </summary>
public sealed class DatabaseEndpoint : IDisposable
{
    public const string ConnectionStringName = "CollabHub";
    public const string DatabaseName = "collabhub";

    private readonly Lazy<string> connectionString;
    private LocalPostgresCluster? cluster;

    public DatabaseEndpoint(IConfiguration configuration, IHostEnvironment environment, IHostApplicationLifetime lifetime, ILogger<DatabaseEndpoint> logger)
    {
        // Stop as soon as the host has stopped (Ctrl+C, SIGTERM, a test disposing the app), not only when the
        // container is disposed, which may come later or, after an early exit, not at all.
        lifetime.ApplicationStopped.Register(Dispose);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        IsEmbedded = string.IsNullOrWhiteSpace(configured);
        connectionString = new Lazy<string>(
            () => IsEmbedded ? Provision(configuration, environment, logger) : configured!,
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>True when no connection string is configured and the private cluster is used.</summary>
    public bool IsEmbedded { get; }

    /// <summary>The connection string, provisioning the private cluster on first call when needed.</summary>
    public string ConnectionString => connectionString.Value;

    public void Dispose() => Interlocked.Exchange(ref cluster, null)?.Stop();

    private string Provision(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var binaries = PostgresBinaries.Find(configuration["LocalPostgres:BinDirectory"])
            ?? throw new LocalPostgresException(PostgresBinaries.NotFoundMessage);
        var stateDirectory = ReachableStateDirectory(
            AppPaths.DataRoot(environment.ContentRootPath, configuration["CollabHub:DataDirectory"]));

        cluster = new LocalPostgresCluster(binaries, stateDirectory);
        cluster.Start();
        logger.LogInformation(
            "Private PostgreSQL cluster {State} in {DataDirectory} on 127.0.0.1:{Port} (binaries: {BinDirectory})",
            cluster.WasCreated ? "created" : cluster.WasReused ? "reused" : "started",
            cluster.DataDirectory,
            cluster.Port,
            binaries);

        using (var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString()))
        {
            connection.Open();
            using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", DatabaseName);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
                create.ExecuteNonQuery();
            }
        }

        return cluster.ConnectionString(DatabaseName);
    }

    /// <summary>
    /// The server runs as the postgres user when this process is root; if that user cannot reach the checkout
    /// (a home folder closed to others), the cluster lives in a per-checkout folder under /var/lib instead.
    /// </summary>
    private static string ReachableStateDirectory(string preferred)
    {
        Directory.CreateDirectory(preferred);
        if (!ToolRunner.RunAsServiceUser || ToolRunner.ServiceUserCanReach(preferred))
        {
            return preferred;
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preferred)))[..12];
        var fallback = Path.Combine("/var/lib/collabhub", key);
        Directory.CreateDirectory(fallback);
        return fallback;
    }
}
