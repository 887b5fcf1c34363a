using System.Runtime;

namespace CollabHub.Web.Infrastructure.Benchmarks;

/// <summary>
/// What the benchmark tool needs from inside the process: the echo hub, the managed heap after a full collection, the
/// runtime's and Npgsql's running counts, and reference pages (a trivial interactive one, a bare one, the site's frame).
/// Mapped only when <c>Benchmarks:Probes</c> is true (the tool sets it); a normal deployment never exposes them.
/// </summary>
public static class BenchmarkProbes
{
    public const string Setting = "Benchmarks:Probes";
    public const string EchoHubPath = "/bench/echo";
    public const string HeapPath = "/bench/heap";

    /// <summary>Bytes the process has allocated so far: read before and after N requests, the difference over N is a
    /// page's allocations (deterministic where requests per second on a shared machine are not).</summary>
    public const string AllocatedPath = "/bench/allocated";

    /// <summary>Milliseconds the JIT has spent compiling so far: a path is warm once its load no longer adds to it (the
    /// runtime re-compiles hot code at a higher tier for the first minutes under load, and on one core that competes with
    /// the requests).</summary>
    public const string JitPath = "/bench/jit";

    /// <summary>Database operations the process has sent so far (<see cref="DatabaseOperationCounter"/>): read before and
    /// after N pages, the difference over N is a page's round trips, less what background work sent meanwhile.</summary>
    public const string DatabaseOperationsPath = "/bench/db-operations";

    /// <summary>A page whose only interactive part is a trivial component (<c>BenchCircuitPage</c>): the circuits' yardstick.</summary>
    public const string CircuitPath = "/bench/circuit";

    /// <summary>A server-rendered page with the site's frame (header, navigation, footer) around one heading: the pages' yardstick.</summary>
    public const string PagePath = "/bench/page";

    /// <summary>A server-rendered page with one heading and nothing of the site's: what Blazor itself costs a page.</summary>
    public const string BarePagePath = "/bench/bare";

    public static WebApplication MapBenchmarkProbes(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting))
        {
            return app;
        }

        app.MapHub<EchoHub>(EchoHubPath);
        app.MapGet(HeapPath, () =>
        {
            // Compact everything, twice (finalizers free more), so the figure is live data and not garbage.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Ok(new { heapBytes = GC.GetTotalMemory(forceFullCollection: false) });
        });
        app.MapGet(AllocatedPath, () => GC.GetTotalAllocatedBytes(precise: true));
        app.MapGet(JitPath, () => System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds);
        var operations = new DatabaseOperationCounter();
        app.Lifetime.ApplicationStopped.Register(operations.Dispose);
        app.MapGet(DatabaseOperationsPath, () => operations.Count);
        return app;
    }
}
