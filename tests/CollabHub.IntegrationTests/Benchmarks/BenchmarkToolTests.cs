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
        foreach (var page in new[] { "home, visitor: GET /", "groups directory, visitor: GET /groups", "library list of 20, visitor: GET /library", "event page, visitor: GET /events/", "home, signed-in member: GET /", "member directory, signed in: GET /members" })
        {
            Assert.Contains(page, markdown);
        }

        Assert.Contains("; 0 errors", markdown);
        Assert.Matches(@"round trips per library page \(visitor\) \| [0-9.]+ round trips \| exactly 1 \| yes", markdown);
        Assert.DoesNotMatch(@"; [1-9]\d* errors", markdown);
        Assert.True(File.Exists(Path.Combine(output, "report.json")));
    }

    [Fact]
    public async Task Tool_TinyChatRun_DeliversEveryMessageOnceInOrderAndLeaksNoPresence()
    {
        Chromium.Require();
        var output = PostgresServer.NewRunDirectory("benchmark-chat");
        var app = Path.Combine(AppContext.BaseDirectory, "CollabHub.Web.dll");
        using var console = new StringWriter();

        var exitCode = await BenchmarkTool.RunAsync(["chat,churn,memory,circuits", "--tiny", "--app", app, "--out", output], console, TestContext.Current.CancellationToken);

        Assert.True(exitCode is 0 or 1, $"exit code {exitCode}:\n{console}");
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
        foreach (var figure in new[] { "ChatHub, JSON", "ChatHub, MessagePack", "echo hub (reference), JSON", "ChatHub capacity vs echo hub, MessagePack", "connect + presence", "per idle hub connection", "per idle circuit", "send to render in 4 Chromium tabs" })
        {
            Assert.Contains(figure, markdown);
        }

        // At a tiny load nothing may go missing, twice or out of order, nobody stays online after churn, and every tab goes live.
        Assert.Equal(4, CountOf(markdown, "lost 0, doubled 0, reordered 0, send errors 0"));
        Assert.Contains("presence not seen 0, failed 0, still online after 0", markdown);
        Assert.Contains("; 0 not rendered", markdown); // every chat tab shows every message
    }

    [Fact]
    public async Task Tool_TinyRaceRun_OverbooksNobody_AndServesTheWaitlistInOrder()
    {
        var output = PostgresServer.NewRunDirectory("benchmark-race");
        var app = Path.Combine(AppContext.BaseDirectory, "CollabHub.Web.dll");
        using var console = new StringWriter();

        var exitCode = await BenchmarkTool.RunAsync(["race", "--tiny", "--app", app, "--out", output], console, TestContext.Current.CancellationToken);

        Assert.True(exitCode is 0 or 1, $"exit code {exitCode}:\n{console}");
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
        Assert.Contains("40 registrants for 4 seats within 1 s", markdown);
        Assert.Contains("4 confirmed (counter 4), 36 waitlisted (counter 36); first come first served: yes; 0 errors", markdown);
        Assert.Contains("4 confirmed, 2 cancelled, 34 waitlisted; promoted in waitlist order: yes; counters agree: yes; 0 errors", markdown);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
