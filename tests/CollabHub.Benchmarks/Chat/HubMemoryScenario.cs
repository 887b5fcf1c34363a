using System.Globalization;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Infrastructure.Benchmarks;
using Microsoft.AspNetCore.SignalR.Client;

namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// Scenario 3, "Memory", for hub connections: the app's managed heap after a full collection with 0, ¼, ½ and all of
/// N idle connections joined to their group's channel; the slope of a least-squares line is the cost of one. The same
/// counts of connections to the bare echo hub (same members' cookies, each in one group) are the framework's floor in
/// the same run: what SignalR, Kestrel and the signed-in request hold, before anything of CollabHub's; and without a
/// cookie, what SignalR and Kestrel hold alone.
/// </summary>
public static class HubMemoryScenario
{
    public const string Name = "memory";
    private const double TargetBytesPerConnection = 16 * 1024;

    public static async Task RunAsync(AppUnderTest app, BenchmarkOptions options, BenchmarkReport report, TextWriter log, CancellationToken cancellationToken)
    {
        var total = options.Size switch { BenchmarkSize.Tiny => 20, BenchmarkSize.Quick => 500, _ => 4000 };
        var members = await ChatCommunity.MembersAsync(app, options.Size switch { BenchmarkSize.Tiny => 10, BenchmarkSize.Quick => 50, _ => 100 }, cancellationToken);
        var groupId = await ChatCommunity.CreateGroupAsync(app, "Idle connections", members, cancellationToken);
        using var http = MemberClient.NewClient(app.BaseUrl);

        var anonymous = await MeasureAsync(app, http, null, HubKind.Echo, total, log, cancellationToken, (connection, ct) =>
            connection.InvokeAsync(nameof(EchoHub.Join), "idle", ct));
        var echo = await MeasureAsync(app, http, members, HubKind.Echo, total, log, cancellationToken, (connection, ct) =>
            connection.InvokeAsync(nameof(EchoHub.Join), "idle", ct));
        var chat = await MeasureAsync(app, http, members, HubKind.Chat, total, log, cancellationToken, (connection, ct) =>
            connection.InvokeAsync<ChannelJoined>(nameof(ChatHub.JoinGroupChannel), groupId, ct));

        var bare = HeapProbe.Slope(anonymous);
        var floor = HeapProbe.Slope(echo);
        report.Measurements.Add(new Measurement(Name, "managed heap per idle echo-hub connection without a cookie (SignalR's own)", bare / 1024, "KB",
            "reference", true, Describe(anonymous) + "; each in one group"));
        var slope = HeapProbe.Slope(chat);
        report.Measurements.Add(new Measurement(Name, "managed heap per idle echo-hub connection (framework floor)", floor / 1024, "KB",
            "reference", true, string.Create(CultureInfo.InvariantCulture,
                $"{Describe(echo)}; same cookies, each in one group; the signed-in request holds {(floor - bare) / 1024:0.0} KB of it")));
        report.Measurements.Add(new Measurement(Name, "managed heap per idle hub connection (chat channel joined)", slope / 1024, "KB",
            $"≤ {TargetBytesPerConnection / 1024:0} KB", slope <= TargetBytesPerConnection,
            string.Create(CultureInfo.InvariantCulture, $"{Describe(chat)}; {(slope - floor) / 1024:0.0} KB above the echo hub's {floor / 1024:0.0} KB")));
    }

    /// <summary>Opens <paramref name="total"/> idle connections in four steps, reading the heap after each; closes them all.</summary>
    private static async Task<List<(double Count, double Heap)>> MeasureAsync(
        AppUnderTest app, HttpClient http, IReadOnlyList<BenchMember>? members, HubKind hub, int total, TextWriter log, CancellationToken cancellationToken,
        Func<HubConnection, CancellationToken, Task> join)
    {
        var points = new List<(double Count, double Heap)>();
        var open = new List<HubConnection>();
        try
        {
            foreach (var target in new[] { 0, total / 4, total / 2, total })
            {
                var batch = Enumerable.Range(open.Count, target - open.Count)
                    .Select(i => HubConnections.Create(app, hub, messagePack: false, members?[i % members.Count].Cookies))
                    .ToList();
                await HubConnections.StartAllAsync(batch, cancellationToken);
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                    async (connection, ct) => await join(connection, ct));
                open.AddRange(batch);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var label = members is null ? "anonymous" : hub.ToString();
                var heap = await HeapProbe.ReadAsync(http, app, $"{Name}-{label}", open.Count, cancellationToken);
                points.Add((open.Count, heap));
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {open.Count} idle {label} hub connections: managed heap {heap / 1024 / 1024:0.0} MB"));
            }
        }
        finally
        {
            await HubConnections.DisposeAllAsync(open);
        }

        return points;
    }

    private static string Describe(IEnumerable<(double Count, double Heap)> points) =>
        string.Join("; ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Count:0} → {p.Heap / 1024 / 1024:0.0} MB")));
}
