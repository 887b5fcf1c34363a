namespace CollabHub.Benchmarks;

/// <summary>The tool's entry: runs the chosen scenarios against a freshly started app and writes the report.</summary>
public static class BenchmarkTool
{
    private static readonly string[] Scenarios = [PagesScenario.Name];

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

        var chosen = options.Scenario == "all" ? Scenarios : Scenarios.Where(s => s == options.Scenario).ToArray();
        if (chosen.Length == 0)
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
                    default:
                        throw new InvalidOperationException(scenario);
                }
            }
        }

        await report.WriteAsync(console, cancellationToken);
        return report.Measurements.All(m => m.Met) ? 0 : 1;
    }
}
