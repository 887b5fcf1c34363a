using CollabHub.Web.Infrastructure.Data.LocalPostgres;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// The app on real Kestrel (a browser needs a real socket) with its own database and SMTP server, and a headless
/// Chromium driven by Playwright. One per journey class.
/// </summary>
public sealed class BrowserHost(PostgresServer postgres) : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public CollabHubApp App { get; private set; } = null!;

    public TestSmtpServer Smtp { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var executable = Chromium.ExecutablePath;
        var connectionString = await postgres.CreateDatabaseAsync(nameof(BrowserHost));
        Smtp = TestSmtpServer.Start();
        // The port is chosen first, so links in mail (App:PublicBaseUrl) point at the server the browser uses.
        var port = LocalPostgresCluster.FreeLoopbackPort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var settings = new Dictionary<string, string?>(Smtp.AppSettings)
        {
            ["Email:Dispatcher:PollInterval"] = "00:00:00.100",
            ["App:PublicBaseUrl"] = BaseUrl.AbsoluteUri,
        };
        App = new CollabHubApp(connectionString, settings);
        App.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        App.StartServer();

        if (executable is not null && File.Exists(executable))
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
        }
    }

    /// <summary>A fresh browser context (its own cookies) and page at the given width, like a separate person's browser.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Chromium.Require();
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new browser page signed in as <paramref name="account"/> through the sign-in form.</summary>
    public async Task<IPage> SignedInPageAsync(Web.Features.Members.ApplicationUser account, int width = 1280)
    {
        var page = await NewPageAsync(width: width);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(account.Email!);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeAttachedAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
