using System.Diagnostics;

namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// What showing the chat's messages cost the browser, beside what it cost the app, so a step that misses its target
/// says which side of the socket the time went to: the CPU time of every Chromium process (the browser, its renderers,
/// the GPU and network processes), read from /proc (Linux) when a step starts and ends. CPU time, not the DevTools
/// timeline's durations: those are wall-clock time, and a renderer waiting for a core made one tab's layout read 109 ms
/// a message among 100 tabs against 1–2 ms among two.
/// </summary>
public readonly record struct BrowserCost(long TicksBefore, long StartedAt)
{
    /// <summary>How the file names of Chromium's executables begin (Debian's <c>chromium</c>, and Chrome's <c>chrome</c>).</summary>
    private const string Executable = "chrom";

    /// <summary>Starts counting Chromium's CPU time.</summary>
    public static BrowserCost Watch() => new(ProcessStats.TicksOf(Executable), Stopwatch.GetTimestamp());

    /// <summary>Chromium's CPU time per message shown in one tab (<paramref name="shown"/> in all tabs), and the cores it kept busy.</summary>
    public (double MsPerShown, double Cores) Stop(long shown)
    {
        var seconds = (ProcessStats.TicksOf(Executable) - TicksBefore) / ProcessStats.ClockTicksPerSecond;
        return (shown == 0 ? double.NaN : seconds * 1000 / shown, seconds / Stopwatch.GetElapsedTime(StartedAt).TotalSeconds);
    }
}
