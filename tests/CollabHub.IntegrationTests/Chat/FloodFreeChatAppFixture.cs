using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>The app with the chat flood limit lifted, for tests that send hundreds or thousands of messages.</summary>
public sealed class FloodFreeChatAppFixture(PostgresServer postgres) : IAsyncLifetime
{
    public CollabHubApp App { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var connectionString = ConnectionString = await postgres.CreateDatabaseAsync(nameof(FloodFreeChatAppFixture));
        App = new CollabHubApp(connectionString, new Dictionary<string, string?>
        {
            ["Chat:FloodLimit"] = "1000000",
            ["Chat:NewAccountFloodLimit"] = "1000000",
        });
        _ = App.Server;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
