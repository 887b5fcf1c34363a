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
        var member = await app.CreateAsync("kofi");
        using var browser = new BrowserSession(app);

        var result = await browser.SignInAsync(member.Email!, TestMembers.Password);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var manage = await browser.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.Status);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccountForFiveMinutes_SoEvenTheRightOneFails()
    {
        var member = await app.CreateAsync("lock");
        using var browser = new BrowserSession(app);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await browser.SignInAsync(member.Email!, $"not the password {attempt}");
            Assert.Contains(FailureText, wrong.Html);
        }

        var right = await browser.SignInAsync(member.Email!, TestMembers.Password);

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(FailureText, right.Html);
        var stored = await app.ReloadAsync(member);
        Assert.NotNull(stored.LockoutEnd);
        Assert.InRange(stored.LockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task SignIn_UnknownAddress_ExistingAddress_AndUnconfirmedAccount_AnswerAlike()
    {
        var confirmed = await app.CreateAsync("known");
        var unconfirmed = await app.CreateAsync("pending", confirmed: false);
        using var browser = new BrowserSession(app);

        var unknown = await browser.SignInAsync($"nobody-{Guid.NewGuid():N}@un.org", "some wrong password");
        var wrongForKnown = await browser.SignInAsync(confirmed.Email!, "some wrong password");
        var wrongForPending = await browser.SignInAsync(unconfirmed.Email!, "some wrong password");

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
        var unconfirmed = await app.CreateAsync("unconfirmed", confirmed: false);
        using var browser = new BrowserSession(app);

        var page = await browser.SignInAsync(unconfirmed.Email!, TestMembers.Password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Confirm your e-mail address before signing in", page.Html);
    }

    [Fact]
    public async Task SignIn_BeyondThePerAccountLimit_GetsTheTooManyAttemptsPage_ForAnyAddress()
    {
        using var browser = new BrowserSession(app);
        var address = $"ghost-{Guid.NewGuid():N}@un.org";

        for (var attempt = 0; attempt < PerAccountPermits; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(address, "wrong password here")).Status);
        }

        var refused = await browser.SignInAsync(address, "wrong password here");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many attempts", refused.Html);
    }

    [Fact]
    public async Task SignIn_WithAHashFromFewerIterations_RehashesAt210000()
    {
        var member = await app.CreateAsync("legacy");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var legacyHasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var legacyHash = legacyHasher.HashPassword(member, TestMembers.Password);
            await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, legacyHash), BrowserSession.Cancellation);
            Assert.Equal(100_000, PasswordStorageTests.ReadV3Header(legacyHash).Iterations);
        }

        using var browser = new BrowserSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(member.Email!, TestMembers.Password)).Status);

        var rehashed = (await app.ReloadAsync(member)).PasswordHash!;
        Assert.Equal(210_000, PasswordStorageTests.ReadV3Header(rehashed).Iterations);
    }
}
