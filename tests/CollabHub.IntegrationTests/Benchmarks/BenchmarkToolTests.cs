using CollabHub.Benchmarks;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Benchmarks;

/// <summary>The benchmark tool runs end to end in a tiny configuration, so it cannot rot between real runs.</summary>
public sealed class BenchmarkToolTests
{
    [Fact]
    public async Task Tool_TinyPagesRun_WritesAReportWithEveryFigureAndNoErrors()
    {
        var output = PostgresServer.NewRunDirectory("benchmark");
        var app = Path.Combine(AppContext.BaseDirectory, "CollabHub.Web.dll");
        using var console = new StringWriter();

        var exitCode = await BenchmarkTool.RunAsync(["pages", "--tiny", "--app", app, "--out", output], console, TestContext.Current.CancellationToken);

        Assert.True(exitCode is 0 or 1, $"exit code {exitCode}:\n{console}"); // 1 = a target missed, which a tiny run may
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("baseline: GET /health/live", markdown);
        foreach (var page in new[] { "home, visitor: GET /", "groups directory, visitor: GET /groups", "home, signed-in member: GET /", "member directory, signed in: GET /members" })
        {
            Assert.Contains(page, markdown);
        }

        Assert.Contains("; 0 errors", markdown);
        Assert.DoesNotMatch(@"; [1-9]\d* errors", markdown);
        Assert.True(File.Exists(Path.Combine(output, "report.json")));
    }
}
