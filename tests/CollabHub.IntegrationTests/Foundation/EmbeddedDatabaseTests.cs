using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>What a newcomer gets from <c>dotnet run</c>: no connection string, so the app provisions its own cluster.</summary>
public sealed class EmbeddedDatabaseTests
{
    [Fact]
    public async Task NoConnectionString_FirstStartProvisionsAndSeeds_SecondStartReusesWithoutSeedingAgain()
    {
        var dataDirectory = PostgresServer.NewRunDirectory("embedded");
        var settings = new Dictionary<string, string?>
        {
            ["CollabHub:DataDirectory"] = dataDirectory,
            ["Database:SeedDemoContent"] = "true",
        };
        var ct = TestContext.Current.CancellationToken;
        try
        {
            var firstPrinter = new RecordingCredentialsPrinter();
            await using (var first = new CollabHubApp(connectionString: null, settings) { TestServices = s => s.AddSingleton<DemoCredentialsPrinter>(firstPrinter) })
            {
                var home = await first.CreateClient().GetStringAsync("/", ct);
                Assert.Contains("UN Behavioural Science Group", home);
                Assert.Contains("Call to Action for Human Rights", home);

                var (email, password) = Assert.Single(firstPrinter.Printed);
                await using var scope = first.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                var admin = await users.FindByEmailAsync(email);
                Assert.NotNull(admin);
                Assert.True(await users.CheckPasswordAsync(admin, password));
                Assert.True(await users.IsInRoleAsync(admin, SiteRoles.Administrator));
                Assert.True(password.Length >= 20);
            }

            // Stopped on shutdown. The test host returns from DisposeAsync while the app's stopped-callbacks may
            // still be running, so wait for it (a real process exits only after they finish).
            var cluster = new LocalPostgresCluster(PostgresServer.BinDirectory, dataDirectory);
            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            while (cluster.IsRunning && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }

            Assert.False(cluster.IsRunning);

            var secondPrinter = new RecordingCredentialsPrinter();
            await using (var second = new CollabHubApp(connectionString: null, settings) { TestServices = s => s.AddSingleton<DemoCredentialsPrinter>(secondPrinter) })
            {
                var contexts = second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
                await using var db = await contexts.CreateDbContextAsync(ct);
                Assert.Equal(1, await db.Groups.CountAsync(g => g.Slug == "un-behavioural-science-group", ct));
                Assert.Equal(GroupVisibility.Public, (await db.Groups.SingleAsync(g => g.Slug == "call-to-action-for-human-rights", ct)).Visibility);
                Assert.Empty(secondPrinter.Printed);
            }
        }
        finally
        {
            new LocalPostgresCluster(PostgresServer.BinDirectory, dataDirectory).Kill();
            PostgresServer.TryDelete(dataDirectory);
        }
    }
}
