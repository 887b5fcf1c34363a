using System.Diagnostics;
using System.Globalization;

namespace CollabHub.Benchmarks;

/// <summary>CPU time and resident memory of the app process, read from /proc (Linux).</summary>
public readonly record struct ProcessStats(TimeSpan CpuTime, long ResidentBytes)
{
    public const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static ProcessStats Read(int pid)
    {
        var ticks = CpuTicks(File.ReadAllText($"/proc/{pid}/stat"));
        var rssLine = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var rssKb = long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new ProcessStats(TimeSpan.FromSeconds(ticks / ClockTicksPerSecond), rssKb * 1024);
    }

    /// <summary>
    /// The user and system CPU time in a /proc/PID/stat line, in clock ticks (1/100 s); with
    /// <paramref name="reapedChildren"/>, also that of the children the process has waited for after they ended.
    /// </summary>
    private static long CpuTicks(string stat, bool reapedChildren = false)
    {
        var fields = FieldsAfterName(stat);
        var own = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return reapedChildren ? own + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : own;
    }

    /// <summary>
    /// The CPU ticks (user and system) of every running process whose executable's file name starts with
    /// <paramref name="executablePrefix"/> (<c>"chrom"</c> for all of Chromium's), with those of the children each has
    /// reaped.
    /// </summary>
    public static long TicksOf(string executablePrefix) => SumTicks((pid, _) =>
        new FileInfo($"/proc/{pid}/exe").LinkTarget is { } executable && Path.GetFileName(executable).StartsWith(executablePrefix, StringComparison.Ordinal));

    /// <summary>
    /// The CPU ticks of process <paramref name="parent"/> and its children, with those of the children each has reaped:
    /// a PostgreSQL backend that ends between two readings keeps its time in the postmaster's, and another cluster's
    /// processes (a test suite's, say) are not counted.
    /// </summary>
    public static long TicksOfTree(int parent) =>
        SumTicks((pid, stat) => pid == parent || int.Parse(FieldsAfterName(stat)[1], CultureInfo.InvariantCulture) == parent);

    /// <summary>The ticks, reaped children's included, of every process that <paramref name="counted"/> picks by its id and stat line.</summary>
    private static long SumTicks(Func<int, string, bool> counted)
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                if (counted(pid, stat))
                {
                    ticks += CpuTicks(stat, reapedChildren: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was being read, or is not ours to read.
            }
        }

        return ticks;
    }

    /// <summary>
    /// The fields of a /proc/PID/stat line after the command name (state, parent, …): the name, in parentheses, may
    /// hold spaces, so the fields are counted from its closing parenthesis.
    /// </summary>
    private static string[] FieldsAfterName(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

    /// <summary>Share of one core the process used between two readings, in percent.</summary>
    public static double CpuPercent(ProcessStats before, ProcessStats after, TimeSpan elapsed) =>
        (after.CpuTime - before.CpuTime).TotalSeconds / elapsed.TotalSeconds * 100;

    /// <summary>Starts watching process <paramref name="pid"/> over a phase; <see cref="AppUsage.Stop"/> ends it.</summary>
    public static AppUsage Watch(int pid) => new(pid, Read(pid), Stopwatch.GetTimestamp());
}

/// <summary>The app's use of the machine over a phase, for a figure's "App CPU %" and "App RSS MB".</summary>
public readonly record struct AppUsage(int Pid, ProcessStats Before, long StartedAt)
{
    /// <summary>The share of one core the app used since <see cref="ProcessStats.Watch"/>, and its resident memory now.</summary>
    public (double CpuPercent, long ResidentMb) Stop()
    {
        var after = ProcessStats.Read(Pid);
        return (ProcessStats.CpuPercent(Before, after, Stopwatch.GetElapsedTime(StartedAt)), after.ResidentBytes / (1024 * 1024));
    }
}
