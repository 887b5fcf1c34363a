using System.Net.Http.Json;
using CollabHub.Web.Infrastructure.Benchmarks;

namespace CollabHub.Benchmarks.Chat;

/// <summary>The app's managed heap after a full collection (its <c>/bench/heap</c> probe), and the per-item cost from a line fit.</summary>
public static class HeapProbe
{
    public static async Task<double> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var probe = await http.GetFromJsonAsync<HeapReading>(BenchmarkProbes.HeapPath.TrimStart('/'), cancellationToken)
            ?? throw new InvalidOperationException("The heap probe answered nothing.");
        return probe.HeapBytes;
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
