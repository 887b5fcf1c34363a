using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>The one place the provider and naming are chosen, shared by the app, the tools and the tests.</summary>
public static class AppDbContextOptions
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        FailuresToTheirCallers(options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable)).UseSnakeCaseNamingConvention());

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        FailuresToTheirCallers(options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable)).UseSnakeCaseNamingConvention());

    /// <summary>
    /// A failed statement is reported by the code that meets it, not by EF: where the app expects one (a unique key
    /// settling a race, a serialization failure it retries) it refuses or retries, and anywhere else it logs its own
    /// error with what was being done, or the exception reaches the request's or the worker's handler. EF's own Error
    /// entries ("Failed executing DbCommand", "An exception occurred in the database while saving changes") made
    /// every expected race an error in the log, and every unexpected one two.
    /// </summary>
    private static DbContextOptionsBuilder FailuresToTheirCallers(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
}
