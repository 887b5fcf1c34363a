using System.Text.Json;
using System.Text.RegularExpressions;
using CollabHub.Benchmarks;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Benchmarks;

/// <summary>The benchmark tool runs end to end in a tiny configuration, so it cannot rot between real runs.</summary>
public sealed class BenchmarkToolTests
{
    [Fact]
    public async Task Tool_TinyPagesRun_WritesAReportWithEveryFigureAndNoErrors()
    {
        var (markdown, output) = await RunTinyAsync("pages", "benchmark");
        Assert.Contains("baseline before the pages: GET /health/live", markdown);
        Assert.Contains("baseline after the pages: GET /health/live", markdown);
        Assert.Contains("the higher: pages are judged against it", markdown);
        foreach (var page in new[] { "home, visitor: GET /", "groups directory, visitor: GET /groups", "library list of 20, visitor: GET /library", "event page, visitor: GET /events/", "home, signed-in member: GET /", "member directory, signed in: GET /members",
            "reference: a bare server-rendered page (Blazor alone), visitor: GET /bench/bare", "reference: the site's frame around one heading, signed in: GET /bench/page" })
        {
            Assert.Contains(page, markdown);
        }

        Assert.Contains("; 0 errors", markdown);
        Assert.Matches(@"round trips per library page \(visitor\) \| [0-9.]+ round trips \| exactly 1 \| yes", markdown);
        Assert.DoesNotMatch(@"; [1-9]\d* errors", markdown);
        Assert.True(File.Exists(Path.Combine(output, "report.json")));
        Assert.Matches(@"Time per scenario: pages \d+\.\d min\.", markdown);
    }

    [Fact]
    public async Task Tool_TinyChatRun_DeliversEveryMessageOnceInOrderAndLeaksNoPresence()
    {
        Chromium.Require();
        var (markdown, _) = await RunTinyAsync("chat,churn,memory,circuits", "benchmark-chat");
        foreach (var figure in new[] { "ChatHub, JSON", "ChatHub, MessagePack", "echo hub (reference), JSON", "ChatHub capacity vs echo hub, MessagePack", "connect + presence", "per idle hub connection", "per idle circuit", "send to render in 4 Chromium tabs, one sender", "send to render in 2 Chromium tabs, one sender", "send to render in 1 Chromium tab, one sender", "most Chromium tabs with send to render within the target" })
        {
            Assert.Contains(figure, markdown);
        }

        // At a tiny load nothing may go missing, twice or out of order, nobody stays online after churn, and every tab goes live.
        Assert.Equal(4, CountOf(markdown, "lost 0, doubled 0, reordered 0, send errors 0"));
        // Each hub's figure says what the load side spent beside the app (the tool's own CPU and the run's PostgreSQL
        // server's, backends that ended within the phase included, so never below zero).
        Assert.Equal(4, Regex.Count(markdown, @"connection starts refused 0; beside the app: the tool \d+\.\d\d core, PostgreSQL \d+\.\d\d \|"));
        Assert.Contains("presence not seen 0, failed 0, still online after 0", markdown);
        // Every chat tab shows every message, at each count of tabs.
        Assert.Equal(3, CountOf(markdown, "; 0 not rendered"));
        Assert.Contains("every message rendered in every tab: yes", markdown);
        // Each count of tabs says where its time went: Chromium's CPU time (read from /proc) beside the app's.
        Assert.Equal(3, Regex.Count(markdown, @"; 0 not rendered; CPU per message per tab: Chromium \d+\.\d ms \(\d+\.\d\d cores\), the app \d+\.\d ms"));
        Assert.Matches(@"CPU per message per tab: Chromium (?!0\.0 )\d+\.\d ms", markdown);
    }

    [Fact]
    public async Task Tool_TinyRaceRun_OverbooksNobody_AndServesTheWaitlistInOrder()
    {
        var (markdown, _) = await RunTinyAsync("race", "benchmark-race");
        Assert.Contains("40 registrants for 4 seats within 1 s", markdown);
        Assert.Contains("4 confirmed (counter 4), 36 waitlisted (counter 36); first come first served: yes; 0 errors", markdown);
        Assert.Contains("4 confirmed, 2 cancelled, 34 waitlisted; promoted in waitlist order: yes; counters agree: yes; 0 errors", markdown);
    }

    [Fact]
    public async Task Tool_TinySearchRun_TimesSearchesAndBrowsingWithoutWords_WithoutErrors()
    {
        var (markdown, _) = await RunTinyAsync("search", "benchmark-search");
        Assert.Contains("library search, 500 resources", markdown);
        Assert.Contains("library browsing without words, 500 resources", markdown);
        Assert.Contains("whole page (GET /library?q=…) as a signed-in member; 0 errors", markdown);
        Assert.Contains("whole page (GET /library, /library?type=…) as a signed-in member; 0 errors", markdown);
    }

    /// <summary>Runs the tool tiny on the built app; exit code 1 (a target missed) is allowed, as a tiny run may miss one.</summary>
    private static async Task<(string Markdown, string Output)> RunTinyAsync(string scenarios, string folder)
    {
        var output = PostgresServer.NewRunDirectory(folder);
        var app = Path.Combine(AppContext.BaseDirectory, "CollabHub.Web.dll");
        using var console = new StringWriter();

        var exitCode = await BenchmarkTool.RunAsync([scenarios, "--tiny", "--app", app, "--out", output], console, TestContext.Current.CancellationToken);

        Assert.True(exitCode is 0 or 1, $"exit code {exitCode}:\n{console}");
        AssertEveryTimedFigureHasTheAppsCpuAndMemory(await File.ReadAllTextAsync(Path.Combine(output, "report.json"), TestContext.Current.CancellationToken));
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), TestContext.Current.CancellationToken);
        // A scenario that throws is reported and the run goes on; say why here, rather than only which figure is missing.
        Assert.False(markdown.Contains("| scenario failed |", StringComparison.Ordinal), $"A scenario failed:\n{console}");
        return (markdown, output);
    }

    /// <summary>The issue asks for the app's CPU and memory beside each figure's latency: every figure with a latency has both.</summary>
    private static void AssertEveryTimedFigureHasTheAppsCpuAndMemory(string json)
    {
        using var report = JsonDocument.Parse(json);
        var timed = report.RootElement.GetProperty("measurements").EnumerateArray()
            .Where(m => m.GetProperty("latency").ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(timed);
        foreach (var figure in timed)
        {
            var name = figure.GetProperty("name").GetString();
            Assert.True(figure.GetProperty("appCpuPercent").ValueKind == JsonValueKind.Number, $"no app CPU for {name}");
            Assert.True(figure.GetProperty("appResidentMb").GetInt64() > 0, $"no app memory for {name}");
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
