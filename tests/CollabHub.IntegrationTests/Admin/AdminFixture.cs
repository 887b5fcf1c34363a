using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Admin;

/// <summary>
/// A test class's own database and app, set up the way the admin tests need it: the security stamp is checked on
/// every request (not every few minutes), and confirmation mail is captured instead of sent.
/// </summary>
public sealed class AdminFixture(PostgresServer postgres) : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://hub.example.org/";

    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public string ConnectionString { get; private set; } = "";

    public RecordingEmailSender Mail { get; } = new();

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync("admin");
        app = new CollabHubApp(ConnectionString, new Dictionary<string, string?> { ["App:PublicBaseUrl"] = PublicBaseUrl })
        {
            TestServices = services =>
            {
                services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
                services.AddSingleton<IEmailSender<ApplicationUser>>(Mail);
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
