using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>The one place the provider and naming are chosen, shared by the app, the tools and the tests.</summary>
public static class AppDbContextOptions
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable)).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable)).UseSnakeCaseNamingConvention();
}
