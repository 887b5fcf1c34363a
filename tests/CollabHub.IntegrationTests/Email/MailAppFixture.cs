using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Email;

/// <summary>A test class's own database, a real SMTP server, and the app sending to it with a fast dispatcher.</summary>
public sealed class MailAppFixture(PostgresServer postgres) : IAsyncLifetime
{
    /// <summary>Fast polling and retries so tests wait milliseconds, not minutes.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastDispatcher = new Dictionary<string, string?>
    {
        ["Email:Dispatcher:PollInterval"] = "00:00:00.100",
        ["Email:Dispatcher:RetryDelay"] = "00:00:00.200",
        ["Email:Dispatcher:MaxRetryDelay"] = "00:00:00.500",
        ["App:PublicBaseUrl"] = "https://hub.test/",
    };

    private CollabHubApp? app;

    public CollabHubApp App => app ?? throw new InvalidOperationException("Not initialised.");

    public TestSmtpServer Smtp { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync(GetType().Name);
        Smtp = TestSmtpServer.Start();
        app = NewApp();
    }

    /// <summary>Another instance of the app on the same database and SMTP server (a second node).</summary>
    public CollabHubApp NewApp(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(FastDispatcher);
        foreach (var (key, value) in Smtp.AppSettings.Concat(extra ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        return new CollabHubApp(ConnectionString, settings);
    }

    /// <summary>Queues mail the way a feature does: through IEmailOutbox and the caller's SaveChanges.</summary>
    public Task<IReadOnlyList<OutboxEmail>> EnqueueAsync(CollabHubApp target, IEnumerable<(EmailRecipient To, EmailContent Content)> mails) =>
        EnqueueAsync(target.Services, mails);

    /// <summary>Queues mail the way a feature does, in the app whose services are given.</summary>
    public static async Task<IReadOnlyList<OutboxEmail>> EnqueueAsync(IServiceProvider services, IEnumerable<(EmailRecipient To, EmailContent Content)> mails)
    {
        var outbox = services.GetRequiredService<IEmailOutbox>();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        foreach (var (to, content) in mails)
        {
            outbox.Enqueue(db, to, content);
        }

        var added = db.ChangeTracker.Entries<OutboxEmail>().Select(e => e.Entity).ToList();
        await db.SaveChangesAsync();
        return added;
    }

    public async Task<List<OutboxEmail>> RowsAsync(IEnumerable<long> ids)
    {
        var wanted = ids.ToList();
        // Straight to the database: reading rows must not start the fixture's app (and its dispatcher).
        await using var db = DesignTimeAppDbContextFactory.Create(ConnectionString);
        return await db.OutboxEmails.AsNoTracking().Where(e => wanted.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync();
    }

    public static EmailContent Simple(string subject) =>
        new(subject, "A heading", ["A paragraph."], new EmailAction("Open CollabHub", new Uri("https://hub.test/groups")));

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
    }
}
