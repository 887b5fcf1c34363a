using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>What happens to the database before the app serves: wait for it, migrate, seed.</summary>
public sealed class DatabaseStartup(
    IDbContextFactory<AppDbContext> contexts,
    NpgsqlDataSource dataSource,
    DatabaseEndpoint endpoint,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    DemoSeed seed,
    ILogger<DatabaseStartup> logger)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>Waits for the database, migrates and seeds as configured. False when it never became reachable.</summary>
    public async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        if (!await WaitUntilReachableAsync(cancellationToken))
        {
            return false;
        }

        if (options.Value.MigrateOnStartup ?? (environment.IsDevelopment() || endpoint.IsEmbedded))
        {
            await MigrateAsync(cancellationToken);
        }

        if (options.Value.SeedDemoContent ?? environment.IsDevelopment())
        {
            await seed.RunAsync(cancellationToken);
        }

        return true;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // EF finds out whether its history table exists by reading it, so on an empty database it logs that failed read
        // as an error, twice (dotnet/efcore#37328): a first start that looks broken to whoever deploys. The catalogue
        // answers without an error, and an empty history table, created as EF would, makes EF's own reads succeed.
        var history = db.GetService<IHistoryRepository>();
        if (!await HistoryExistsAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database schema is up to date");
            return;
        }

        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }

    private async Task<bool> HistoryExistsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = AppDbContextOptions.MigrationsHistoryTable });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Retries with exponential backoff up to <see cref="DatabaseOptions.StartupTimeout"/>.</summary>
    public async Task<bool> WaitUntilReachableAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(endpoint.ConnectionString);
        var deadline = DateTimeOffset.UtcNow + options.Value.StartupTimeout;
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (NpgsqlException ex)
            {
                if (DateTimeOffset.UtcNow + delay > deadline)
                {
                    logger.LogCritical(
                        "Database {Database} at {Host}:{Port} is unreachable after {Attempts} attempts: {Reason}. Stopping.",
                        target.Database, target.Host, target.Port, attempt, ex.Message);
                    return false;
                }

                logger.LogWarning(
                    "Database {Database} at {Host}:{Port} is not reachable yet ({Reason}); retrying in {Delay} s",
                    target.Database, target.Host, target.Port, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
