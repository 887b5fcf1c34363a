using System.Diagnostics;
using System.Globalization;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>The private cluster must not outlive the app when an operator presses Ctrl+C or the system sends SIGTERM.</summary>
public sealed class ShutdownTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Signal_StopsTheAppAndItsPrivateCluster(string signal)
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = PostgresServer.NewRunDirectory($"signal-{signal}");
        var start = AppProcess.StartInfo(
            [],
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["CollabHub__DataDirectory"] = dataDirectory });
        var cluster = new LocalPostgresCluster(PostgresServer.BinDirectory, dataDirectory);
        try
        {
            using var app = Process.Start(start)!;
            var started = new TaskCompletionSource();
            app.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
                {
                    started.TrySetResult();
                }
            };
            app.BeginOutputReadLine();
            app.BeginErrorReadLine();
            await started.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
            Assert.True(cluster.IsRunning);

            using (var kill = Process.Start("kill", ["-" + signal, app.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }

            await app.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromMinutes(1), ct);
            Assert.False(cluster.IsRunning);
        }
        finally
        {
            cluster.Kill();
            PostgresServer.TryDelete(dataDirectory);
        }
    }
}
