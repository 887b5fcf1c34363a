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
                histogram.RecordValue(Math.Max(1, (long)(answered - intended).TotalMicroseconds));
                InterlockedMax(ref lastAnswerTicks, answered.Ticks);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        return new OpenLoopResult(histogram, Interlocked.Read(ref errors), TimeSpan.FromTicks(Interlocked.Read(ref lastAnswerTicks)));
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
public sealed record OpenLoopResult(HistogramBase Histogram, long Errors, TimeSpan LastAnswer);
