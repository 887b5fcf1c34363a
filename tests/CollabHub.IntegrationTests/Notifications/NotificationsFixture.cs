using CollabHub.IntegrationTests.Discussions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>
/// A test class's own database and app. Mail stays in the outbox (the dispatcher is off) so tests read exactly what
/// was queued, and the digest worker is off so only the tests' own clock decides digests.
/// </summary>
public sealed class NotificationsFixture(PostgresServer postgres) : IAsyncLifetime
{
    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public string ConnectionString { get; private set; } = "";

    public DiscussionTestData Data => new(App);

    public NotificationService Notifications => App.Services.GetRequiredService<NotificationService>();

    public async ValueTask InitializeAsync()
    {
        var connectionString = ConnectionString = await postgres.CreateDatabaseAsync(GetType().Name);
        app = new CollabHubApp(connectionString, new Dictionary<string, string?>
        {
            ["App:PublicBaseUrl"] = "https://hub.test/",
            ["Email:Dispatcher:Enabled"] = "false",
            ["Notifications:DigestEnabled"] = "false",
            ["Discussions:PostBurst"] = "1000",
            ["Discussions:NewAccountPostBurst"] = "1000",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    public static GroupViewer Viewer(ApplicationUser user) => new(user.Id, false);

    /// <summary>The member's notifications as stored (whatever the access re-check would show).</summary>
    public async Task<List<Notification>> StoredAsync(ApplicationUser user)
    {
        await using var db = await Data.ContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientId == user.Id).OrderBy(n => n.CreatedAt).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<List<OutboxEmail>> MailToAsync(ApplicationUser user)
    {
        await using var db = await Data.ContextAsync();
        return await db.OutboxEmails.AsNoTracking().Where(e => e.ToAddress == user.Email).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }
}
