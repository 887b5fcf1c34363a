using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CollabHub.Web.Infrastructure.Benchmarks;

namespace CollabHub.Benchmarks.Chat;

/// <summary>The app's managed heap after a full collection (its <c>/bench/heap</c> probe), and the per-item cost from a line fit.</summary>
public static class HeapProbe
{
    /// <summary>
    /// <c>BENCH_GCDUMP=folder</c> also takes a <c>dotnet-gcdump</c> of the app at each reading (named by scenario and
    /// count), so two counts' type tables can be diffed to see what one connection or circuit holds.
    /// </summary>
    private const string DumpSetting = "BENCH_GCDUMP";

    public static async Task<double> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var probe = await http.GetFromJsonAsync<HeapReading>(BenchmarkProbes.HeapPath.TrimStart('/'), cancellationToken)
            ?? throw new InvalidOperationException("The heap probe answered nothing.");
        return probe.HeapBytes;
    }

    /// <summary>Reads the heap and, when <c>BENCH_GCDUMP</c> names a folder, dumps it as <c>{label}-{count}.gcdump</c>.</summary>
    public static async Task<double> ReadAsync(HttpClient http, AppUnderTest app, string label, int count, CancellationToken cancellationToken)
    {
        var heap = await ReadAsync(http, cancellationToken);
        if (Environment.GetEnvironmentVariable(DumpSetting) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var tool = Environment.GetEnvironmentVariable("BENCH_GCDUMP_TOOL") ?? "dotnet-gcdump";
            var output = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{label}-{count}.gcdump"));
            var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "collect", "-p", app.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            await process.WaitForExitAsync(cancellationToken);
        }

        return heap;
    }

    /// <summary>Least-squares slope of heap over count: bytes per item.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var covariance = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }

    private sealed record HeapReading(long HeapBytes);
}
