using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>
/// A test class's own database and app with the visitors' page cache on, for longer than any test takes, so what a
/// test sees is the cache's doing and never its expiry.
/// </summary>
public sealed class PublicPageCacheFixture(PostgresServer postgres) : IAsyncLifetime
{
    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(GetType().Name);
        app = new CollabHubApp(connectionString, new Dictionary<string, string?> { ["PublicPages:CacheDuration"] = "00:10:00" });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
