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

    /// <summary>How long each measured phase lasts.</summary>
    public TimeSpan PhaseDuration => Size switch
    {
        BenchmarkSize.Tiny => TimeSpan.FromSeconds(1),
        BenchmarkSize.Quick => TimeSpan.FromSeconds(10),
        _ => TimeSpan.FromSeconds(30),
    };

    public TimeSpan Warmup => Size switch
    {
        BenchmarkSize.Tiny => TimeSpan.FromMilliseconds(300),
        BenchmarkSize.Quick => TimeSpan.FromSeconds(3),
        _ => TimeSpan.FromSeconds(10),
    };
}

public enum BenchmarkSize
{
    Tiny,
    Quick,
    Full,
}
