using System.Diagnostics;
using System.Globalization;
using CollabHub.Benchmarks.Chat;
using CollabHub.Benchmarks.Events;
using CollabHub.Benchmarks.Library;

namespace CollabHub.Benchmarks;

/// <summary>The tool's entry: runs the chosen scenarios against a freshly started app and writes the report.</summary>
public static class BenchmarkTool
{
    private static readonly string[] Scenarios = [PagesScenario.Name, ChatFanoutScenario.Name, PresenceChurnScenario.Name, HubMemoryScenario.Name, CircuitScenario.Name, SearchScenario.Name, RegistrationRaceScenario.Name];

    public static async Task<int> RunAsync(string[] args, TextWriter console, CancellationToken cancellationToken)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await console.WriteLineAsync(ex.Message);
            return 2;
        }

        var wanted = options.Scenario.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = options.Scenario == "all" ? Scenarios : Scenarios.Where(wanted.Contains).ToArray();
        if (chosen.Length == 0 || chosen.Length < wanted.Length && options.Scenario != "all")
        {
            await console.WriteLineAsync($"Unknown scenario '{options.Scenario}'. Scenarios: {string.Join(", ", Scenarios)}, all.");
            return 2;
        }

        var report = new BenchmarkReport(options);
        var run = Stopwatch.StartNew();
        await using (var app = await AppUnderTest.StartAsync(options, console, cancellationToken))
        {
            foreach (var scenario in chosen)
            {
                await console.WriteLineAsync($"Scenario {scenario} ({options.Size.ToString().ToLowerInvariant()}) ...");
                var clock = Stopwatch.StartNew();
                try
                {
                    await RunScenarioAsync(scenario, app, options, report, console, cancellationToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // One scenario's failure is a finding of the run, reported with the rest, not the end of it (a full run
                    // takes half an hour; once an HTTP 500 in the chat scenario threw away everything after it).
                    await console.WriteLineAsync($"  failed: {failure}");
                    report.Measurements.Add(new Measurement(scenario, "scenario failed", 0, "", "completes", false,
                        $"{failure.GetType().Name}: {failure.Message.ReplaceLineEndings(" ")}"));
                }

                report.Durations.Add((scenario, clock.Elapsed));
                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {scenario} took {clock.Elapsed.TotalMinutes:0.0} min"));
            }
        }

        // The whole run, publishing and starting the app included, against the issue's budget for its size.
        if (options.Scenario == "all" && options.Size != BenchmarkSize.Tiny)
        {
            var budget = options.Size == BenchmarkSize.Quick ? 5 : 40;
            var minutes = run.Elapsed.TotalMinutes;
            report.Measurements.Add(new Measurement("all", "the whole run, publishing and starting the app included", minutes, "min",
                $"≤ {budget} min", minutes <= budget, string.Join(", ", report.Durations.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Scenario} {d.Time.TotalMinutes:0.0}")))));
        }

        await report.WriteAsync(console, cancellationToken);
        return report.Measurements.All(m => m.Met) ? 0 : 1;
    }

    private static Task RunScenarioAsync(
        string scenario, AppUnderTest app, BenchmarkOptions options, BenchmarkReport report, TextWriter console, CancellationToken cancellationToken) =>
        scenario switch
        {
            PagesScenario.Name => PagesScenario.RunAsync(app, options, report, console, cancellationToken),
            ChatFanoutScenario.Name => ChatFanoutScenario.RunAsync(app, options, report, console, cancellationToken),
            PresenceChurnScenario.Name => PresenceChurnScenario.RunAsync(app, options, report, console, cancellationToken),
            HubMemoryScenario.Name => HubMemoryScenario.RunAsync(app, options, report, console, cancellationToken),
            CircuitScenario.Name => CircuitScenario.RunAsync(app, options, report, console, cancellationToken),
            SearchScenario.Name => SearchScenario.RunAsync(app, options, report, console, cancellationToken),
            RegistrationRaceScenario.Name => RegistrationRaceScenario.RunAsync(app, options, report, console, cancellationToken),
            _ => throw new InvalidOperationException(scenario),
        };
}
