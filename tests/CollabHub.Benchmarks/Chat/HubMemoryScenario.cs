using System.Globalization;
using CollabHub.Web.Features.Chat;
using Microsoft.AspNetCore.SignalR.Client;

namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// Scenario 3, "Memory", for hub connections: the app's managed heap after a full collection with 0, ¼, ½ and all of
/// N idle connections joined to their group's channel; the slope of a least-squares line is the cost of one.
/// </summary>
public static class HubMemoryScenario
{
    public const string Name = "memory";
    private const double TargetBytesPerConnection = 16 * 1024;

    public static async Task RunAsync(AppUnderTest app, BenchmarkOptions options, BenchmarkReport report, TextWriter log, CancellationToken cancellationToken)
    {
        var total = options.Size switch { BenchmarkSize.Tiny => 20, BenchmarkSize.Quick => 1000, _ => 4000 };
        var members = await ChatCommunity.MembersAsync(app, options.Size == BenchmarkSize.Tiny ? 10 : 100, cancellationToken);
        var groupId = await ChatCommunity.CreateGroupAsync(app, "Idle connections", members, cancellationToken);
        using var http = MemberClient.NewClient(app.BaseUrl);
        var points = new List<(double Count, double Heap)>();
        var open = new List<HubConnection>();
        try
        {
            foreach (var target in new[] { 0, total / 4, total / 2, total })
            {
                var batch = Enumerable.Range(open.Count, target - open.Count)
                    .Select(i => HubConnections.Create(app, HubKind.Chat, messagePack: false, members[i % members.Count].Cookies))
                    .ToList();
                await HubConnections.StartAllAsync(batch, cancellationToken);
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                    async (connection, ct) => await connection.InvokeAsync<ChannelJoined>(nameof(ChatHub.JoinGroupChannel), groupId, ct));
                open.AddRange(batch);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var heap = await HeapProbe.ReadAsync(http, cancellationToken);
                points.Add((open.Count, heap));
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {open.Count} idle hub connections: managed heap {heap / 1024 / 1024:0.0} MB"));
            }
        }
        finally
        {
            await HubConnections.DisposeAllAsync(open);
        }

        var slope = HeapProbe.Slope(points);
        report.Measurements.Add(new Measurement(Name, "managed heap per idle hub connection (chat channel joined)", slope / 1024, "KB",
            $"≤ {TargetBytesPerConnection / 1024:0} KB", slope <= TargetBytesPerConnection,
            string.Join("; ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Count:0} → {p.Heap / 1024 / 1024:0.0} MB")))));
    }
}
