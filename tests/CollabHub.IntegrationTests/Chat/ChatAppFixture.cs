using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// The app with short chat timings: clients are dropped after 2 s of silence (test clients ping every 300 ms) and
/// presence is swept often, so presence tests finish in seconds rather than the production 30.
/// </summary>
public sealed class ChatAppFixture(PostgresServer postgres) : IAsyncLifetime
{
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);

    public CollabHubApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(nameof(ChatAppFixture));
        App = new CollabHubApp(connectionString, new Dictionary<string, string?>
        {
            ["Chat:ClientTimeoutInterval"] = ClientTimeout.ToString(),
            ["Chat:KeepAliveInterval"] = "00:00:00.500",
            ["Chat:IdleSweepInterval"] = "00:00:00.200",
        });
        _ = App.Server;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
