using System.Diagnostics;

namespace CollabHub.Benchmarks;

/// <summary>
/// What the other side of the machine spent over a phase: this tool's own CPU (the load it generates and the answers
/// it reads) and the run's PostgreSQL's (its server and every backend), read from /proc (Linux). The app is pinned to
/// one core and these two share the other, so a latency that outgrows the app's own work shows here whether that core
/// was full.
/// </summary>
public readonly record struct LoadSide(int PostgresProcessId, ProcessStats Tool, long PostgresTicks, long StartedAt)
{
    /// <summary>Starts counting, for the server whose postmaster is <paramref name="postgresProcessId"/>.</summary>
    public static LoadSide Watch(int postgresProcessId) =>
        new(postgresProcessId, ProcessStats.Read(Environment.ProcessId), ProcessStats.TicksOfTree(postgresProcessId), Stopwatch.GetTimestamp());

    /// <summary>The cores each kept busy since <see cref="Watch"/>, on average.</summary>
    public Cores Stop()
    {
        var elapsed = Stopwatch.GetElapsedTime(StartedAt);
        return new Cores(
            ProcessStats.CpuPercent(Tool, ProcessStats.Read(Environment.ProcessId), elapsed) / 100,
            (ProcessStats.TicksOfTree(PostgresProcessId) - PostgresTicks) / ProcessStats.ClockTicksPerSecond / elapsed.TotalSeconds);
    }

    /// <summary>Cores kept busy: 1 is one whole core.</summary>
    public readonly record struct Cores(double Tool, double Postgres)
    {
        public override string ToString() => FormattableString.Invariant($"the tool {Tool:0.00} core, PostgreSQL {Postgres:0.00}");
    }
}
