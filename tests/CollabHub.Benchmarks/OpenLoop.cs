using System.Diagnostics;
using HdrHistogram;

namespace CollabHub.Benchmarks;

/// <summary>
/// Open-loop pacing: send <c>i</c> starts at <c>i × interval</c> from the first, whatever the earlier ones are doing,
/// and its latency counts from that intended moment, so a stalled server shows up as queueing delay instead of silently
/// lowering the rate (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    /// <param name="count">How many sends.</param>
    /// <param name="interval">Between two sends' intended moments.</param>
    /// <param name="highest">The longest latency the histogram holds.</param>
    /// <param name="send">Send number <c>i</c>; true when it was answered as it should be.</param>
    /// <param name="cancellationToken">Stops pacing.</param>
    public static async Task<OpenLoopResult> RunAsync(
        int count, TimeSpan interval, TimeSpan highest, Func<int, CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        var histogram = new LongConcurrentHistogram(1, (long)highest.TotalMicroseconds, 3);
        long errors = 0, lastAnswerTicks = 0;
        // The slowest answer to the sends of each second: a stall shows as the second it began in.
        var slowestBySecond = new long[(int)Math.Ceiling(interval.TotalSeconds * count) + 1];
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var intended = interval * i;
            var wait = intended - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await send(index, cancellationToken);
                var answered = clock.Elapsed;
                var latency = Math.Max(1, (long)(answered - intended).TotalMicroseconds);
                histogram.RecordValue(latency);
                InterlockedMax(ref slowestBySecond[(int)intended.TotalSeconds], latency);
                InterlockedMax(ref lastAnswerTicks, answered.Ticks);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        var worst = Array.IndexOf(slowestBySecond, slowestBySecond.Max());
        return new OpenLoopResult(histogram, Interlocked.Read(ref errors), TimeSpan.FromTicks(Interlocked.Read(ref lastAnswerTicks)))
        {
            WorstSecond = new SlowestSecond(worst, slowestBySecond[worst] / 1000.0, slowestBySecond.Count(s => s > 1_000_000))
            {
                SecondsOverTenthOfASecond = slowestBySecond.Count(s => s > 100_000),
                Seconds = slowestBySecond.Length,
            },
        };
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}

/// <summary>Latencies in microseconds from each send's intended moment, failed sends, and when the last answer came.</summary>
public sealed record OpenLoopResult(HistogramBase Histogram, long Errors, TimeSpan LastAnswer)
{
    /// <summary>Where the tail came from: the second whose sends waited longest, and how many seconds had one over 1 s.</summary>
    public SlowestSecond WorstSecond { get; init; } = new(0, 0, 0);
}

/// <param name="Second">Seconds into the run, by intended send time.</param>
/// <param name="Milliseconds">The slowest answer to a send of that second.</param>
/// <param name="SecondsOverOneSecond">Seconds of the run with a send answered after more than 1 s.</param>
public sealed record SlowestSecond(int Second, double Milliseconds, int SecondsOverOneSecond)
{
    /// <summary>Seconds of the run with a send answered after more than 100 ms: one stall, or a tail spread over the run.</summary>
    public int SecondsOverTenthOfASecond { get; init; }

    /// <summary>Seconds the run's sends were spread over.</summary>
    public int Seconds { get; init; }
}
