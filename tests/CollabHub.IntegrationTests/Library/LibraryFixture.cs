using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Library;

/// <summary>A test class's own database and the app on it, storing files in a folder of its own (removed afterwards).</summary>
public sealed class LibraryFixture(PostgresServer postgres) : IAsyncLifetime
{
    /// <summary>Small enough that the oversize test needs only a little over a megabyte.</summary>
    public const long MaxFileSizeBytes = 1024 * 1024;

    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), "collabhub-library-tests", Guid.NewGuid().ToString("N"));

    public LibraryTestData Data => new(App);

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(GetType().Name + Guid.NewGuid().ToString("N")[..6]);
        app = new CollabHubApp(connectionString, new Dictionary<string, string?>
        {
            ["Library:StorageRoot"] = StorageRoot,
            ["Library:MaxFileSizeBytes"] = MaxFileSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Library:ExtractionPollInterval"] = "00:00:01",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }
}
