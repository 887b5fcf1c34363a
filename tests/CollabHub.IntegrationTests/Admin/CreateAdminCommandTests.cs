using System.Net;
using System.Text.RegularExpressions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Admin;

/// <summary><c>create-admin</c>, run as its own process the way an operator runs it.</summary>
public sealed partial class CreateAdminCommandTests(PostgresServer postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task CreateAdmin_NewAddress_PrintsOneTimeLinkThatSetsThePassword()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync("createadmin");
        var email = TestAccounts.UniqueEmail("first.admin");

        var result = await AppProcess.RunAsync(
            ["create-admin", email],
            new Dictionary<string, string?> { ["ConnectionStrings__CollabHub"] = connectionString, ["App__PublicBaseUrl"] = "https://hub.example.org" },
            Timeout);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var link = new Uri(ResetLink().Match(result.Output).Value);
        Assert.Equal("hub.example.org", link.Host);
        Assert.DoesNotContain(link.Query, result.Error);

        await using (var db = DesignTimeAppDbContextFactory.Create(PostgresServer.WithoutPooling(connectionString)))
        {
            var user = await db.Users.SingleAsync(u => u.Email == email, ct);
            Assert.True(user.EmailConfirmed);
            Assert.Null(user.PasswordHash);
            Assert.Equal(email[..email.IndexOf('@', StringComparison.Ordinal)], user.DisplayName);
            var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(ct);
            Assert.Equal([SiteRoles.Administrator, SiteRoles.Member], roles.Order());
            var entry = await db.AuditLog.SingleAsync(e => e.SubjectUserId == user.Id, ct);
            Assert.Equal((AuditActions.AdminCreate, null, AuditEntry.CommandLineActor), (entry.Action, entry.ActorUserId, entry.ActorDisplay));
        }

        await using var app = new CollabHubApp(connectionString);
        var password = TestAccounts.NewPassword();
        using var browser = new TestBrowser(app, followRedirects: false);
        var reset = await SetPasswordAsync(browser, link, email, password);
        Assert.Equal("/Account/ResetPasswordConfirmation", reset.RedirectLocation?.AbsolutePath);

        using var admin = new TestBrowser(app, followRedirects: false);
        await admin.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).Status);

        // The token was bound to the old security stamp, which setting the password replaced.
        using var someoneElse = new TestBrowser(app, followRedirects: false);
        var reuse = await SetPasswordAsync(someoneElse, link, email, TestAccounts.NewPassword());
        Assert.Equal(HttpStatusCode.OK, reuse.Status);
        Assert.Contains("Invalid token", reuse.Html);
    }

    [Fact]
    public async Task CreateAdmin_ExistingUnconfirmedSuspendedAccount_ConfirmsReinstatesAndDropsTheUnprovenPassword()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync("createadminexisting");
        var squatted = new NewAccount("squatted") { Roles = [SiteRoles.Member] };
        var email = squatted.Email;
        await using (var app = new CollabHubApp(connectionString))
        {
            var user = await TestAccounts.CreateAsync(app, squatted);
            await using var db = DesignTimeAppDbContextFactory.Create(PostgresServer.WithoutPooling(connectionString));
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(
                s => s.SetProperty(u => u.EmailConfirmed, false)
                    .SetProperty(u => u.SuspendedAt, DateTimeOffset.UtcNow)
                    .SetProperty(u => u.SuspensionReason, "Spam.")
                    .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue),
                ct);
        }

        var result = await AppProcess.RunAsync(
            ["create-admin", email], new Dictionary<string, string?> { ["ConnectionStrings__CollabHub"] = connectionString }, Timeout);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains($"Administrator ready: {email} (existing account; e-mail confirmed, any earlier password removed; suspension lifted).", result.Output);
        await using (var db = DesignTimeAppDbContextFactory.Create(PostgresServer.WithoutPooling(connectionString)))
        {
            var user = await db.Users.SingleAsync(u => u.Email == email, ct);
            Assert.Equal((true, null, null, null), (user.EmailConfirmed, user.PasswordHash, user.SuspendedAt, user.LockoutEnd));
        }

        await using var server = new CollabHubApp(connectionString);
        using var squatter = new TestBrowser(server, followRedirects: false);
        await squatter.TrySignInAsync(email, squatted.Password!);
        Assert.False(squatter.HasAuthCookie);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Jane <jane@example.org>")]
    [InlineData("jane@localhost")]
    public async Task CreateAdmin_InvalidAddress_ExitsWithUsageErrorAndOneSentence(string address)
    {
        var result = await AppProcess.RunAsync(["create-admin", address], new Dictionary<string, string?>(), Timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"\"{address}\" is not an e-mail address; give one like jane.doe@un.org.", result.Error.Trim());
        Assert.DoesNotContain("Private PostgreSQL cluster", result.Output);
    }

    [Fact]
    public async Task CreateAdmin_WithoutAddress_ExplainsUsage()
    {
        var result = await AppProcess.RunAsync(["create-admin"], new Dictionary<string, string?>(), Timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Usage: create-admin EMAIL", result.Error.Trim(), StringComparison.Ordinal);
    }

    /// <summary>Opens the one-time link and fills in the reset form; the page itself carries the token from the link.</summary>
    private static Task<HtmlPage> SetPasswordAsync(TestBrowser browser, Uri link, string email, string password) =>
        browser.SubmitFormAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    [GeneratedRegex(@"https://hub\.example\.org/Account/ResetPassword\?code=\S+")]
    private static partial Regex ResetLink();
}
