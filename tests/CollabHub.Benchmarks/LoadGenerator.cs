using System.Diagnostics;
using HdrHistogram;

namespace CollabHub.Benchmarks;

/// <summary>HTTP load over loopback: closed loop for the most a path can serve, open loop for honest latency.</summary>
public static class LoadGenerator
{
    /// <summary>Throughput: <paramref name="workers"/> requests always in flight for <paramref name="duration"/>.</summary>
    public static async Task<Throughput> SaturateAsync(HttpClient client, string path, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        long completed = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async _ =>
        {
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                if (await SendAsync(client, path, cancellationToken))
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(tasks);
        return new Throughput(completed / clock.Elapsed.TotalSeconds, completed, errors);
    }

    /// <summary>Latency at a fixed arrival rate, paced by <see cref="OpenLoop"/>.</summary>
    public static Task<Latency> MeasureAsync(HttpClient client, string path, double ratePerSecond, TimeSpan duration, CancellationToken cancellationToken) =>
        MeasureAsync(client, _ => path, ratePerSecond, duration, cancellationToken);

    /// <summary>The same, with request <c>i</c> going to <paramref name="pathOf"/>(i): for a mix of queries.</summary>
    public static async Task<Latency> MeasureAsync(HttpClient client, Func<int, string> pathOf, double ratePerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var run = await OpenLoop.RunAsync(
            (int)(duration.TotalSeconds * ratePerSecond), TimeSpan.FromSeconds(1 / ratePerSecond), TimeSpan.FromSeconds(60),
            (i, token) => SendAsync(client, pathOf(i), token), cancellationToken);
        return Latency.FromMicroseconds(run.Histogram, ratePerSecond, run.Errors) with { WorstSecond = run.WorstSecond };
    }

    private static async Task<bool> SendAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

public sealed record Throughput(double RequestsPerSecond, long Completed, long Errors);

/// <summary>Milliseconds at each percentile, at the given arrival rate.</summary>
public sealed record Latency(double RatePerSecond, double P50, double P99, double P999, long Count, long Errors)
{
    /// <summary>Where measured (search); otherwise zero.</summary>
    public double P95 { get; init; }

    /// <summary>Where the tail came from, for the run's log.</summary>
    public SlowestSecond? WorstSecond { get; init; }

    /// <summary>The percentiles, in milliseconds, of a histogram recorded in microseconds.</summary>
    public static Latency FromMicroseconds(HistogramBase histogram, double ratePerSecond, long errors) =>
        new(ratePerSecond, histogram.GetValueAtPercentile(50) / 1000.0, histogram.GetValueAtPercentile(99) / 1000.0,
            histogram.GetValueAtPercentile(99.9) / 1000.0, histogram.TotalCount, errors)
        {
            P95 = histogram.GetValueAtPercentile(95) / 1000.0,
        };
}
