using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>
/// Every migration applies to a database that already holds data, not only to an empty one: a hub created by the first
/// release (its founding groups seeded) upgrades to the latest schema.
/// </summary>
public sealed class MigrationUpgradeTests(PostgresServer postgres)
{
    [Fact]
    public async Task DatabaseFromTheFirstRelease_WithItsGroups_UpgradesToTheLatestSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = PostgresServer.WithoutPooling(await postgres.CreateEmptyDatabaseAsync(nameof(MigrationUpgradeTests)));
        await using var db = DesignTimeAppDbContextFactory.Create(connectionString);
        var migrator = db.GetService<IMigrator>();
        var first = db.Database.GetMigrations().First();
        await migrator.MigrateAsync(first, ct);

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var seed = new NpgsqlCommand(
                "INSERT INTO groups (id, slug, name, summary, description, visibility, created_at) VALUES (gen_random_uuid(), 'founding-group', 'Founding group', 'Seeded by the first release.', '', 1, now())",
                connection);
            await seed.ExecuteNonQueryAsync(ct);
        }

        await migrator.MigrateAsync(cancellationToken: ct);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        var group = await db.Groups.SingleAsync(g => g.Slug == "founding-group", ct);
        Assert.Empty(group.Topics);
        Assert.Equal(0, group.MemberCount);
    }
}
