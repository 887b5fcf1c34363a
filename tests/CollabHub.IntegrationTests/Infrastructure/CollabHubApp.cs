using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>The real app, in the Testing environment (production behaviour: no developer pages), on a given database.</summary>
public class CollabHubApp(string? connectionString, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public IDictionary<string, string?> Settings { get; } = settings ?? new Dictionary<string, string?>();

    /// <summary>Replaces services after the app registered its own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development the host serves only wwwroot; the framework's script and the scoped CSS bundle live in
        // the build's static web assets, which a real browser in the journeys needs.
        builder.UseStaticWebAssets();
        builder.UseSetting($"ConnectionStrings:{DatabaseEndpoint.ConnectionStringName}", connectionString ?? "");
        builder.UseSetting("Database:SeedDemoContent", "false");
        builder.UseSetting("Database:StartupTimeout", "00:00:10");

        // Every test client shares one address; the tests about per-IP limits set their own.
        builder.UseSetting("Members:Security:PerIpPermits", "10000");
        // Mail from tests without SMTP goes to this run's folder (removed with it), never the checkout's .data/mail.
        builder.UseSetting("Email:PickupDirectory", PostgresServer.NewRunDirectory("mail"));
        // Tests read their own writes at once; the visitors' page cache has its own tests (PublicPageCacheTests).
        builder.UseSetting("PublicPages:CacheDuration", "00:00:00");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(Settings));
        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }
}
