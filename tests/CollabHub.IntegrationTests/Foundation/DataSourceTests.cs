using CollabHub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>How the app talks to PostgreSQL: statements it repeats are prepared once per connection, not planned every time.</summary>
public sealed class DataSourceTests(PostgresServer postgres) : IAsyncLifetime
{
    private CollabHubApp app = null!;

    public async ValueTask InitializeAsync() =>
        app = new CollabHubApp(await postgres.CreateDatabaseAsync(nameof(DataSourceTests)));

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Statement_RunRepeatedly_IsPreparedOnTheConnection()
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 10; i++)
        {
            await using var repeated = new NpgsqlCommand("SELECT count(*) FROM chat_channels WHERE id = $1", connection) { Parameters = { new() { Value = Guid.NewGuid() } } };
            await repeated.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }

        await using var prepared = new NpgsqlCommand("SELECT statement FROM pg_prepared_statements", connection);
        var statements = new List<string>();
        await using (var reader = await prepared.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                statements.Add(reader.GetString(0));
            }
        }

        Assert.Contains(statements, s => s.Contains("FROM chat_channels WHERE id = $1", StringComparison.Ordinal));
    }
}
