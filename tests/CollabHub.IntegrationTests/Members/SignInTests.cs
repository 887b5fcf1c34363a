using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CollabHub.IntegrationTests.Members;

public sealed class SignInTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string FailureText = "That e-mail address and password do not match an account.";
    private const int PerAccountPermits = 8;
    private CollabHubApp app = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(nameof(SignInTests));
        app = new CollabHubApp(connectionString, new Dictionary<string, string?>
        {
            // Above the lockout threshold, so lockout is what the lockout test meets.
            ["Members:Security:PerAccountPermits"] = PerAccountPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_SignsInAndRedirects()
    {
        var member = await TestAccounts.CreateAsync(app, "kofi");
        using var browser = new TestBrowser(app, followRedirects: false);

        var result = await browser.TrySignInAsync(member.Email!, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var manage = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.Status);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccountForFiveMinutes_SoEvenTheRightOneFails()
    {
        var member = await TestAccounts.CreateAsync(app, "lock");
        using var browser = new TestBrowser(app, followRedirects: false);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await browser.TrySignInAsync(member.Email!, $"not the password {attempt}");
            Assert.Contains(FailureText, wrong.Html);
        }

        var right = await browser.TrySignInAsync(member.Email!, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(FailureText, right.Html);
        var stored = await TestAccounts.ReloadAsync(app, member);
        Assert.NotNull(stored.LockoutEnd);
        Assert.InRange(stored.LockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task SignIn_UnknownAddress_ExistingAddress_AndUnconfirmedAccount_AnswerAlike()
    {
        var confirmed = await TestAccounts.CreateAsync(app, "known");
        var unconfirmed = await TestAccounts.CreateAsync(app, new NewAccount("pending") { EmailConfirmed = false });
        using var browser = new TestBrowser(app, followRedirects: false);

        var unknown = await browser.TrySignInAsync($"nobody-{Guid.NewGuid():N}@un.org", "some wrong password");
        var wrongForKnown = await browser.TrySignInAsync(confirmed.Email!, "some wrong password");
        var wrongForPending = await browser.TrySignInAsync(unconfirmed.Email!, "some wrong password");

        Assert.All([unknown, wrongForKnown, wrongForPending], page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(FailureText, page.Html);
            Assert.DoesNotContain("Confirm your e-mail", page.Html);
        });
    }

    [Fact]
    public async Task SignIn_UnconfirmedAccountWithTheRightPassword_IsToldToConfirm()
    {
        var unconfirmed = await TestAccounts.CreateAsync(app, new NewAccount("unconfirmed") { EmailConfirmed = false });
        using var browser = new TestBrowser(app, followRedirects: false);

        var page = await browser.TrySignInAsync(unconfirmed.Email!, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Confirm your e-mail address before signing in", page.Html);
    }

    [Fact]
    public async Task SignIn_BeyondThePerAccountLimit_GetsTheTooManyAttemptsPage_ForAnyAddress()
    {
        using var browser = new TestBrowser(app, followRedirects: false);
        var address = $"ghost-{Guid.NewGuid():N}@un.org";

        for (var attempt = 0; attempt < PerAccountPermits; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.TrySignInAsync(address, "wrong password here")).Status);
        }

        var refused = await browser.TrySignInAsync(address, "wrong password here");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many attempts", refused.Html);
    }

    [Fact]
    public async Task SignIn_WithAHashFromFewerIterations_RehashesAt210000()
    {
        var member = await TestAccounts.CreateAsync(app, "legacy");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var legacyHasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var legacyHash = legacyHasher.HashPassword(member, TestAccounts.Password);
            await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, legacyHash), TestContext.Current.CancellationToken);
            Assert.Equal(100_000, PasswordStorageTests.ReadV3Header(legacyHash).Iterations);
        }

        using var browser = new TestBrowser(app, followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.TrySignInAsync(member.Email!, TestAccounts.Password)).Status);

        var rehashed = (await TestAccounts.ReloadAsync(app, member)).PasswordHash!;
        Assert.Equal(210_000, PasswordStorageTests.ReadV3Header(rehashed).Iterations);
    }
}
