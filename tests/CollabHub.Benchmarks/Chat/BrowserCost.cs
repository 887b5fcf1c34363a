using System.Diagnostics;
using System.Globalization;

namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// What showing the chat's messages cost the browser, beside what it cost the app, so a step that misses its target
/// says which side of the socket the time went to: the CPU time of every Chromium process (the browser, its renderers,
/// the GPU and network processes), read from /proc (Linux) when a step starts and ends. A process that ends within the
/// step takes its time with it; none does while the tabs stay open. CPU time, not the DevTools timeline's durations:
/// those are wall-clock time, and a renderer waiting for a core made one tab's layout read 109 ms a message among 100
/// tabs against 1–2 ms among two.
/// </summary>
public readonly record struct BrowserCost(long TicksBefore, long StartedAt)
{
    /// <summary>Starts counting Chromium's CPU time.</summary>
    public static BrowserCost Watch() => new(ChromiumTicks(), Stopwatch.GetTimestamp());

    /// <summary>Chromium's CPU time per message shown in one tab (<paramref name="shown"/> in all tabs), and the cores it kept busy.</summary>
    public (double MsPerShown, double Cores) Stop(long shown)
    {
        var seconds = (ChromiumTicks() - TicksBefore) / ProcessStats.ClockTicksPerSecond;
        return (shown == 0 ? double.NaN : seconds * 1000 / shown, seconds / Stopwatch.GetElapsedTime(StartedAt).TotalSeconds);
    }

    /// <summary>The CPU ticks (user and system) of every running process whose executable is Chromium's.</summary>
    private static long ChromiumTicks()
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                var executable = new FileInfo(Path.Combine(directory, "exe")).LinkTarget;
                if (executable is null || !Path.GetFileName(executable).StartsWith("chrom", StringComparison.Ordinal))
                {
                    continue;
                }

                ticks += ProcessStats.CpuTicks(File.ReadAllText(Path.Combine(directory, "stat")));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was being read, or is not ours to read.
            }
        }

        return ticks;
    }
}
