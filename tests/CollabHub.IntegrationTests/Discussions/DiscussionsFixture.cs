using CollabHub.IntegrationTests.Email;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>
/// A test class's own database, a real SMTP server and the app sending to it. Posting limits are generous: the
/// tests post far faster than a person (the limit itself has its own test class on the default settings).
/// </summary>
public sealed class DiscussionsFixture(PostgresServer postgres) : IAsyncLifetime
{
    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public TestSmtpServer Smtp { get; private set; } = null!;

    public DiscussionTestData Data => new(App);

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(GetType().Name);
        Smtp = TestSmtpServer.Start();
        var settings = new Dictionary<string, string?>(MailAppFixture.FastDispatcher)
        {
            ["Discussions:PostBurst"] = "1000",
            ["Discussions:NewAccountPostBurst"] = "1000",
        };
        foreach (var (key, value) in Smtp.AppSettings)
        {
            settings[key] = value;
        }

        app = new CollabHubApp(connectionString, settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
    }
}
