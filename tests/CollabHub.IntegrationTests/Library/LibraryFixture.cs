using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Library;

/// <summary>A test class's own database and the app on it, storing files in a folder of its own (removed afterwards).</summary>
public class LibraryFixture(PostgresServer postgres) : IAsyncLifetime
{
    /// <summary>Small enough that the oversize test needs only a little over a megabyte.</summary>
    public const long MaxFileSizeBytes = 1024 * 1024;

    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public string StorageRoot { get; } = Path.Combine(Path.GetTempPath(), "collabhub-library-tests", Guid.NewGuid().ToString("N"));

    public LibraryTestData Data => new(App);

    /// <summary>Settings a derived fixture adds to (or overrides in) the library's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(GetType().Name + Guid.NewGuid().ToString("N")[..6]);
        var settings = new Dictionary<string, string?>
        {
            ["Library:StorageRoot"] = StorageRoot,
            ["Library:MaxFileSizeBytes"] = MaxFileSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Library:ExtractionPollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        app = new CollabHubApp(connectionString, settings);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
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
