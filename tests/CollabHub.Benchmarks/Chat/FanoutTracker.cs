using System.Diagnostics;
using System.Globalization;
using HdrHistogram;

namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// What receivers saw: latency from each message's intended send time (carried in its body) to its arrival, and for
/// each receiving connection whether a message came twice, out of order or not at all.
/// </summary>
public sealed class FanoutTracker(int receivers)
{
    public const int BodyLength = 256;

    private readonly LongConcurrentHistogram histogram = new(1, TimeStamp.Seconds(60), 3);
    private readonly Receiver[] state = [.. Enumerable.Range(0, receivers).Select(_ => new Receiver())];
    private long delivered;
    private long duplicates;
    private long reordered;
    private long lastArrival;

    public long Delivered => Interlocked.Read(ref delivered);

    public long Duplicates => Interlocked.Read(ref duplicates);

    public long Reordered => Interlocked.Read(ref reordered);

    public long LastArrivalTimestamp => Interlocked.Read(ref lastArrival);

    /// <summary>The body: intended send time, message number, then padding to 256 characters.</summary>
    public static string Body(long intendedTimestamp, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{intendedTimestamp:D19}|{number:D10}|").PadRight(BodyLength, 'x');

    /// <summary>Records one arrival; <paramref name="seq"/> is the channel's sequence number, or null (echo hub).</summary>
    public void Record(int receiver, string body, long? seq)
    {
        var now = Stopwatch.GetTimestamp();
        var intended = long.Parse(body.AsSpan(0, 19), CultureInfo.InvariantCulture);
        var number = int.Parse(body.AsSpan(20, 10), CultureInfo.InvariantCulture);
        histogram.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(intended, now).TotalMicroseconds));
        Interlocked.Increment(ref delivered);
        Interlocked.Exchange(ref lastArrival, now);
        var r = state[receiver];
        lock (r)
        {
            if (!r.Seen.Add(number))
            {
                Interlocked.Increment(ref duplicates);
            }

            if (seq is { } s)
            {
                if (s <= r.LastSeq)
                {
                    Interlocked.Increment(ref reordered);
                }

                r.LastSeq = s;
            }
        }
    }

    public double PercentileMs(double percentile) => histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;

    private sealed class Receiver
    {
        public HashSet<int> Seen { get; } = [];

        public long LastSeq { get; set; } = -1;
    }
}
