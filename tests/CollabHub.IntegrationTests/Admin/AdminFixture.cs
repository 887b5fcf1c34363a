using System.Security.Claims;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Admin;

/// <summary>
/// A test class's own database and app, set up the way the admin tests need it: the security stamp is checked on
/// every request (not every few minutes), and confirmation mail is captured instead of sent. Also the steps the
/// admin tests share, so they read like what an administrator does.
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

    /// <summary>A new administrator, signed in through the sign-in page (see <see cref="SignInAsync"/>).</summary>
    public async Task<(ApplicationUser Admin, TestBrowser Session)> SignedInAdminAsync()
    {
        var admin = await TestAccounts.CreateAsync(App, "Admin", SiteRoles.Administrator);
        return (admin, await SignInAsync(admin));
    }

    /// <summary>A browser signed in as <paramref name="account"/> that shows redirects, as the admin tests look at them.</summary>
    public Task<TestBrowser> SignInAsync(ApplicationUser account) => TestAccounts.SignInAsync(App, account, followRedirects: false);

    /// <summary>Calls the service directly as <paramref name="actor"/>, the way a page does for a signed-in administrator.</summary>
    public async Task<T> AsAsync<T>(ApplicationUser actor, Func<MemberAdministrationService, ClaimsPrincipal, CancellationToken, Task<T>> act)
    {
        var principal = await TestAccounts.PrincipalAsync(App, actor);
        await using var scope = App.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<MemberAdministrationService>(), principal, TestContext.Current.CancellationToken);
    }

    public async Task<bool> IsSuspendedAsync(ApplicationUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberAdministrationService>().IsSuspendedAsync(user.Email!, TestContext.Current.CancellationToken);
    }

    public async Task<bool> IsInRoleAsync(ApplicationUser user, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(user.Id))!, role);
    }

    /// <summary>The audit entries about <paramref name="subject"/>, newest first.</summary>
    public async Task<List<AuditEntry>> AuditOfAsync(ApplicationUser subject)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        return await db.AuditLog.Where(e => e.SubjectUserId == subject.Id).OrderByDescending(e => e.Id).ToListAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
