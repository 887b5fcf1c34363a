using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>What whoever deploys the hub reads in its log the first time it starts on an empty database.</summary>
public sealed class FirstStartTests(PostgresServer postgres)
{
    [Fact]
    public async Task FirstStart_OnAnEmptyDatabase_MigratesWithoutLoggingAnError()
    {
        var logs = new CapturedLogs();
        var connectionString = await postgres.CreateEmptyDatabaseAsync(nameof(FirstStartTests));
        await using var app = new CollabHubApp(connectionString, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" })
        {
            TestServices = logs.AddTo,
        };

        _ = app.Server;

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Applying ", StringComparison.Ordinal) && e.Category.EndsWith(nameof(DatabaseStartup), StringComparison.Ordinal));
        Assert.Empty(logs.Errors);
    }
}
