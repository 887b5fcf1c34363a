using System.Net;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Members;

/// <summary>What protects the account forms before any account logic runs: antiforgery and per-IP rate limits.</summary>
public sealed class AccountProtectionTests(PostgresServer postgres) : IAsyncLifetime
{
    private const int PerIpPermits = 3;
    private CollabHubApp app = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(nameof(AccountProtectionTests));
        app = new CollabHubApp(connectionString, new Dictionary<string, string?>
        {
            ["Members:Security:PerIpPermits"] = PerIpPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Members:Security:PerIpWindow"] = "00:10:00",
        });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/Account/Login", "login")]
    [InlineData("/Account/Register", "register")]
    [InlineData("/Account/ForgotPassword", "forgot-password")]
    [InlineData("/Account/ResendEmailConfirmation", "resend-email-confirmation")]
    [InlineData("/Account/ResetPassword", "reset-password")]
    public async Task AccountForm_PostedWithoutAntiforgeryToken_IsRejectedWithAnExplanation(string path, string formName)
    {
        using var client = app.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = formName,
            ["Input.Email"] = "someone@unhcr.org",
            ["Input.Password"] = "a long enough password",
        });

        var response = await client.PostAsync(path, form, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("We could not accept that request", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task SignInPosts_BeyondThePerIpLimit_GetTheFriendly429Page()
    {
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        string lastHtml = "";
        for (var attempt = 0; attempt <= PerIpPermits; attempt++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login" });
            var response = await client.PostAsync("/Account/Login", form, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            lastHtml = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        Assert.All(statuses.Take(PerIpPermits), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Contains("Too many attempts", lastHtml);
        Assert.Contains("Skip to main content", lastHtml); // the site's own page, not a bare status

        // Reading the page is never limited: only posts count.
        var page = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
