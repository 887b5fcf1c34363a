using System.Globalization;

namespace CollabHub.Benchmarks;

/// <summary>
/// <c>[scenario[,scenario…]|all] [--quick] [--tiny] [--app path/CollabHub.Web.dll] [--out folder] [--pin]</c>.
/// Without <c>--app</c> the tool publishes the web app in Release first.
/// </summary>
public sealed record BenchmarkOptions(
    string Scenario,
    BenchmarkSize Size,
    string? AppDll,
    string OutputDirectory,
    bool Pin)
{
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var scenario = "all";
        var size = BenchmarkSize.Full;
        string? app = null;
        var output = Path.Combine(Directory.GetCurrentDirectory(), "benchmark-results");
        var pin = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    size = BenchmarkSize.Quick;
                    break;
                case "--tiny":
                    size = BenchmarkSize.Tiny;
                    break;
                case "--pin":
                    pin = true;
                    break;
                case "--app" when i + 1 < args.Count:
                    app = Path.GetFullPath(args[++i]);
                    break;
                case "--out" when i + 1 < args.Count:
                    output = Path.GetFullPath(args[++i]);
                    break;
                case var name when !name.StartsWith("--", StringComparison.Ordinal):
                    scenario = name.ToLower(CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Usage: [scenario|all] [--quick] [--tiny] [--app CollabHub.Web.dll] [--out folder] [--pin]");
            }
        }

        return new BenchmarkOptions(scenario, size, app, output, pin);
    }

    /// <summary>The most slices a path is warmed up for: enough for the runtime to stop compiling in a full run.</summary>
    public int MostWarmupSlices => Size == BenchmarkSize.Full ? 6 : 2;

    /// <summary>
    /// How long each measured phase lasts. A quick run must finish within five minutes (the budget), so its
    /// phases are 2 s and its figures rougher than a full run's: they are for seeing that nothing broke, not for the README.
    /// </summary>
    public TimeSpan PhaseDuration => Size switch
    {
        BenchmarkSize.Tiny => TimeSpan.FromSeconds(1),
        BenchmarkSize.Quick => TimeSpan.FromSeconds(2),
        _ => TimeSpan.FromSeconds(30),
    };

    /// <summary>One slice of warming a path up (<see cref="LoadGenerator.WarmUpAsync"/>), and the fixed warm-up elsewhere.</summary>
    public TimeSpan Warmup => Size switch
    {
        BenchmarkSize.Tiny => TimeSpan.FromMilliseconds(300),
        BenchmarkSize.Quick => TimeSpan.FromSeconds(1),
        _ => TimeSpan.FromSeconds(10),
    };
}

public enum BenchmarkSize
{
    Tiny,
    Quick,
    Full,
}
