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
        await using (var app = await AppUnderTest.StartAsync(options, console, cancellationToken))
        {
            foreach (var scenario in chosen)
            {
                await console.WriteLineAsync($"Scenario {scenario} ({options.Size.ToString().ToLowerInvariant()}) ...");
                switch (scenario)
                {
                    case PagesScenario.Name:
                        await PagesScenario.RunAsync(app, options, report, console, cancellationToken);
                        break;
                    case ChatFanoutScenario.Name:
                        await ChatFanoutScenario.RunAsync(app, options, report, console, cancellationToken);
                        break;
                    case PresenceChurnScenario.Name:
                        await PresenceChurnScenario.RunAsync(app, options, report, console, cancellationToken);
                        break;
                    case HubMemoryScenario.Name:
                        await HubMemoryScenario.RunAsync(app, options, report, console, cancellationToken);
                        break;
                    case CircuitScenario.Name:
                        await CircuitScenario.RunAsync(app, options, report, console, cancellationToken);
                        break;
                    case SearchScenario.Name:
                        await SearchScenario.RunAsync(app, options, report, console, cancellationToken);
                        break;
                    case RegistrationRaceScenario.Name:
                        await RegistrationRaceScenario.RunAsync(app, options, report, console, cancellationToken);
                        break;
                    default:
                        throw new InvalidOperationException(scenario);
                }
            }
        }

        await report.WriteAsync(console, cancellationToken);
        return report.Measurements.All(m => m.Met) ? 0 : 1;
    }
}
