namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>A test class's own database (cloned from the migrated template) and the app running on it.</summary>
public sealed class AppFixture(PostgresServer postgres) : IAsyncLifetime
{
    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync(GetType().Name);
        app = new CollabHubApp(ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
