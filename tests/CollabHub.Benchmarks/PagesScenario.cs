using System.Globalization;
using System.Diagnostics;
using Npgsql;

namespace CollabHub.Benchmarks;

/// <summary>
/// Scenario 5, "Pages": server-rendered pages against the cheapest endpoint the same process serves
/// (<c>/health/live</c>), in the same run. Target: each page at ≥ 10% of the baseline's requests per second.
/// Library and event pages join this list when those features land.
/// </summary>
public static class PagesScenario
{
    public const string Name = "pages";
    private const int Workers = 64;
    private const double TargetShare = 0.10;

    public static async Task RunAsync(AppUnderTest app, BenchmarkOptions options, BenchmarkReport report, TextWriter log, CancellationToken cancellationToken)
    {
        await SeedGroupsAsync(app.ConnectionString, 20, cancellationToken);
        using var visitor = MemberClient.NewClient(app.BaseUrl);
        using var member = await MemberClient.RegisterAndSignInAsync(app, "Bench Reader", cancellationToken);

        var baseline = await MeasureAsync(app, visitor, "health/live", options, log, cancellationToken);
        report.Measurements.Add(new Measurement(Name, "baseline: GET /health/live", baseline.Throughput.RequestsPerSecond, "req/s",
            "reference", true, "-", baseline.Latency, baseline.Cpu, baseline.RssMb));

        var pages = new (string Label, HttpClient Client, string Path)[]
        {
            ("home, visitor", visitor, ""),
            ("groups directory, visitor", visitor, "groups"),
            ("home, signed-in member", member, ""),
            ("member directory, signed in", member, "members"),
        };
        foreach (var (label, client, path) in pages)
        {
            var result = await MeasureAsync(app, client, path, options, log, cancellationToken);
            var share = result.Throughput.RequestsPerSecond / baseline.Throughput.RequestsPerSecond;
            report.Measurements.Add(new Measurement(Name, $"{label}: GET /{path}", result.Throughput.RequestsPerSecond, "req/s",
                $"≥ {TargetShare:P0} of baseline", share >= TargetShare && result.Throughput.Errors == 0,
                string.Create(CultureInfo.InvariantCulture, $"{share:P1} of {baseline.Throughput.RequestsPerSecond:0} req/s; {result.Throughput.Errors} errors"),
                result.Latency, result.Cpu, result.RssMb));
        }
    }

    private static async Task<(Throughput Throughput, Latency Latency, double Cpu, long RssMb)> MeasureAsync(
        AppUnderTest app, HttpClient client, string path, BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        await LoadGenerator.SaturateAsync(client, path, Workers, options.Warmup, cancellationToken);
        var before = ProcessStats.Read(app.ProcessId);
        var clock = Stopwatch.StartNew();
        var throughput = await LoadGenerator.SaturateAsync(client, path, Workers, options.PhaseDuration, cancellationToken);
        var after = ProcessStats.Read(app.ProcessId);
        var cpu = ProcessStats.CpuPercent(before, after, clock.Elapsed);

        // Latency at half the measured capacity: loaded, but not past the knee.
        var rate = Math.Clamp(throughput.RequestsPerSecond / 2, 5, 2000);
        var latency = await LoadGenerator.MeasureAsync(client, path, rate, options.PhaseDuration, cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  /{path}: {throughput.RequestsPerSecond:0} req/s ({throughput.Errors} errors); at {rate:0}/s p50 {latency.P50:0.0} ms, p99 {latency.P99:0.0} ms"));
        return (throughput, latency, cpu, after.ResidentBytes / (1024 * 1024));
    }

    private static async Task SeedGroupsAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO groups (id, slug, name, summary, description, visibility, join_policy, topics, created_at, member_count, last_activity_at)
            SELECT gen_random_uuid(), 'bench-group-' || n, 'Benchmark group ' || n,
                   'A group made by the benchmark to fill the directory with realistic cards.', 'Description of group ' || n,
                   0, 0, ARRAY['benchmark'], now(), n, now() - n * interval '1 hour'
            FROM generate_series(1, $1) AS n
            """, db);
        insert.Parameters.AddWithValue(count);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
