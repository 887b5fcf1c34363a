using System.Diagnostics;
using System.Globalization;
using CollabHub.Web.Infrastructure.Benchmarks;
using HdrHistogram;

namespace CollabHub.Benchmarks;

/// <summary>HTTP load over loopback: closed loop for the most a path can serve, open loop for honest latency.</summary>
public static class LoadGenerator
{
    /// <summary>Throughput: <paramref name="workers"/> requests always in flight for <paramref name="duration"/>.</summary>
    public static Task<Throughput> SaturateAsync(HttpClient client, string path, int workers, TimeSpan duration, CancellationToken cancellationToken) =>
        SaturateAsync(client, _ => path, workers, duration, cancellationToken);

    /// <summary>The same, with the <c>i</c>-th request sent going to <paramref name="pathOf"/>(i): for a mix of queries.</summary>
    public static async Task<Throughput> SaturateAsync(
        HttpClient client, Func<int, string> pathOf, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        long completed = 0, errors = 0;
        var sent = -1;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async _ =>
        {
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                if (await SendAsync(client, pathOf(Interlocked.Increment(ref sent)), cancellationToken))
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

    /// <summary>
    /// Loads <paramref name="pathOf"/> in slices of <see cref="BenchmarkOptions.Warmup"/> until the runtime stops
    /// compiling: a slice, from the second on, in which the JIT spent under 2% of the slice (read from the app's
    /// <see cref="BenchmarkProbes.JitPath"/>), at most <see cref="BenchmarkOptions.MostWarmupSlices"/> slices. The
    /// app's first minute or more under load runs code the runtime is still re-compiling at its higher tier, on its one
    /// core: after a fixed 10 s, /health/live served 7,964 req/s at the start of a run and 21,336 at its end; warmed
    /// this way, 18,703 and 18,125.
    /// Between slices the app is left idle until its JIT goes quiet (<see cref="SettleAsync"/>): the runtime re-compiles
    /// hot code on one background thread, which on a saturated core gets only a share of it among the request
    /// threads. By hand (a signed-in library page, the app pinned, 16 connections), loaded without a pause the JIT spent
    /// 5–16 s of every 20 s for three minutes before the page reached its speed (8.8 → 3.7 ms of the app's CPU a page);
    /// with pauses between loads it got there in a minute.
    /// </summary>
    public static async Task<Warmup> WarmUpAsync(
        HttpClient client, Func<int, string> pathOf, int workers, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var jit = 0.0;
        var sent = 0;
        var compiled = await JitMillisecondsAsync(client, cancellationToken);
        for (var slice = 1; slice <= options.MostWarmupSlices; slice++)
        {
            var offset = sent;
            var loaded = await SaturateAsync(client, i => pathOf(offset + i), workers, options.Warmup, cancellationToken);
            sent += (int)(loaded.Completed + loaded.Errors);
            var before = compiled;
            compiled = await JitMillisecondsAsync(client, cancellationToken);
            jit = compiled - before;
            // Never after the first slice alone: at the start the runtime has not begun re-compiling yet, so the JIT
            // looks quiet while the code is still its first, slow tier (a quick run's first baseline: 18 ms of JIT in its
            // one 3 s slice, then 4,945 req/s; the same endpoint served 16,008 at the end of that run).
            if (slice > 1 && jit < options.Warmup.TotalMilliseconds / 50)
            {
                break;
            }

            if (slice < options.MostWarmupSlices)
            {
                compiled = await SettleAsync(client, compiled, options.Warmup, cancellationToken);
            }
        }

        return new Warmup(clock.Elapsed, jit);
    }

    /// <summary>
    /// Leaves the app idle until its JIT goes quiet (under 2 ms in a 200 ms spell) or for at most
    /// <paramref name="longest"/>; returns the JIT's last reading.
    /// </summary>
    private static async Task<double> SettleAsync(HttpClient client, double compiled, TimeSpan longest, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < longest)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            var now = await JitMillisecondsAsync(client, cancellationToken);
            var spell = now - compiled;
            compiled = now;
            if (spell < 2)
            {
                break;
            }
        }

        return compiled;
    }

    private static Task<double> JitMillisecondsAsync(HttpClient client, CancellationToken cancellationToken) =>
        ReadProbeAsync(client, BenchmarkProbes.JitPath, cancellationToken);

    /// <summary>The number one of the app's running-count probes (<see cref="BenchmarkProbes"/>) answers.</summary>
    public static async Task<double> ReadProbeAsync(HttpClient client, string path, CancellationToken cancellationToken) =>
        double.Parse(await client.GetStringAsync(path.TrimStart('/'), cancellationToken), CultureInfo.InvariantCulture);

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

/// <param name="Time">How long the path was loaded before it was measured.</param>
/// <param name="LastSliceJitMilliseconds">What the JIT spent in the last slice of it.</param>
public sealed record Warmup(TimeSpan Time, double LastSliceJitMilliseconds);

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
