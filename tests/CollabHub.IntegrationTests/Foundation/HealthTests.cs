using System.Net;
using System.Text.Json;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>Runs against a cluster of its own, because it stops the database.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly LocalPostgresCluster cluster = new(PostgresServer.BinDirectory, PostgresServer.NewRunDirectory("health"), PostgresServer.FastSettings);

    [Fact]
    public async Task Ready_ReportsDatabaseDown_AndRecoversWhenItReturns_WhileLiveStaysUp()
    {
        var ct = TestContext.Current.CancellationToken;
        cluster.Start();
        await using var app = new CollabHubApp(cluster.ConnectionString(), new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" });
        var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready", ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await StatusAsync(ready));

        cluster.Stop();

        var down = await client.GetAsync("/health/ready", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", await StatusAsync(down));
        var live = await client.GetAsync("/health/live", ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await StatusAsync(live));

        cluster.Start();

        // The first query after the restart may still meet a connection the server closed; readiness returns by itself.
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && recovered != HttpStatusCode.OK; attempt++)
        {
            recovered = (await client.GetAsync("/health/ready", ct)).StatusCode;
            if (recovered != HttpStatusCode.OK)
            {
                await Task.Delay(250, ct);
            }
        }

        Assert.Equal(HttpStatusCode.OK, recovered);
    }

    public void Dispose()
    {
        cluster.Kill();
        PostgresServer.TryDelete(cluster.StateDirectory);
    }

    private static async Task<string?> StatusAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }
}
