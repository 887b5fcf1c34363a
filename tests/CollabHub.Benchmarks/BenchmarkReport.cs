using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CollabHub.Benchmarks;

/// <summary>One measured figure next to its target and the same-run baseline it is judged against.</summary>
public sealed record Measurement(
    string Scenario,
    string Name,
    double Value,
    string Unit,
    string Target,
    bool Met,
    string Baseline,
    Latency? Latency = null,
    double? AppCpuPercent = null,
    long? AppResidentMb = null);

public sealed class BenchmarkReport(BenchmarkOptions options)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public List<Measurement> Measurements { get; } = [];

    /// <summary>How long each scenario took, in the order run.</summary>
    public List<(string Scenario, TimeSpan Time)> Durations { get; } = [];

    public string Machine { get; } =
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    public async Task WriteAsync(TextWriter console, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        var markdown = ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "report.md"), markdown, cancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(options.OutputDirectory, "report.json"),
            JsonSerializer.Serialize(new { machine = Machine, size = options.Size.ToString(), date = DateTimeOffset.UtcNow, measurements = Measurements }, Json),
            cancellationToken);
        await console.WriteLineAsync(markdown);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"# CollabHub benchmark ({options.Size.ToString().ToLowerInvariant()})");
        text.AppendLine();
        text.AppendLine(c, $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Machine}{(options.Pin ? "; app pinned to core 0" : "")}.");
        text.AppendLine();
        if (Durations.Count > 0)
        {
            text.AppendLine(c, $"Time per scenario: {string.Join(", ", Durations.Select(d => string.Create(c, $"{d.Scenario} {d.Time.TotalMinutes:0.0} min")))}.");
            text.AppendLine();
        }

        text.AppendLine("| Scenario | Figure | Value | Target | Met | Baseline (same run) | p50 ms | p99 ms | p99.9 ms | App CPU % | App RSS MB |");
        text.AppendLine("| --- | --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in Measurements)
        {
            text.AppendLine(c, $"| {m.Scenario} | {m.Name} | {m.Value:0.##} {m.Unit} | {m.Target} | {(m.Met ? "yes" : "**no**")} | {m.Baseline} | {m.Latency?.P50:0.0} | {m.Latency?.P99:0.0} | {m.Latency?.P999:0.0} | {m.AppCpuPercent:0} | {m.AppResidentMb} |");
        }

        return text.ToString();
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
