using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>
/// A test class's own database and app with small visitor limits: 6 posts per client address (every test request
/// comes from the same one) and 2 requests per e-mail address, so the limits can be reached in a test.
/// </summary>
public sealed class AppealAppFixture(PostgresServer postgres) : IAsyncLifetime
{
    public const int PerIpPermits = 6;

    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(GetType().Name);
        app = new CollabHubApp(connectionString, new Dictionary<string, string?>
        {
            ["Appeals:PerIpPermits"] = PerIpPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Appeals:PerAddressPermits"] = "2",
            ["App:PublicBaseUrl"] = "https://hub.test/",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
