using System.Diagnostics;
using System.Globalization;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Infrastructure.Benchmarks;
using Microsoft.AspNetCore.SignalR.Client;

namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// Scenario 1, "Chat fan-out, hub path": authenticated connections in channels of ten and one large channel, sending
/// 256-character messages at a fixed rate. Each receiver checks for loss, duplicates and reordering; latency runs
/// from each message's intended send time. The real <c>ChatHub</c> runs beside a bare echo hub in the same process,
/// for JSON and MessagePack; an overload phase at three times the rate measures what each can carry.
/// </summary>
public static class ChatFanoutScenario
{
    public const string Name = "chat";
    private const double TargetDeliveries = 10_000;
    private const double TargetP99Ms = 50;
    private const double TargetShare = 0.70;
    private const double OverloadFactor = 3;

    public static async Task RunAsync(AppUnderTest app, BenchmarkOptions options, BenchmarkReport report, TextWriter log, CancellationToken cancellationToken)
    {
        var shape = FanoutShape.For(options.Size);
        var signingIn = Stopwatch.StartNew();
        var members = await ChatCommunity.MembersAsync(app, shape.Members, cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {shape.Members} members signed in ({signingIn.Elapsed.TotalSeconds:0} s), {shape.ConnectionsPerMember} connections each"));
        var seats = Seats(shape, members);
        var groupIds = new List<Guid>();
        foreach (var (index, seated) in seats.Index())
        {
            groupIds.Add(await ChatCommunity.CreateGroupAsync(app, $"Chat bench {index}", seated, cancellationToken));
        }

        foreach (var messagePack in new[] { false, true })
        {
            var chat = await RunOnceAsync(app, HubKind.Chat, messagePack, shape, seats, groupIds, options, log, cancellationToken);
            var echo = await RunOnceAsync(app, HubKind.Echo, messagePack, shape, seats, groupIds, options, log, cancellationToken);
            Report(report, shape, chat);
            Report(report, shape, echo);
            var share = chat.CapacityPerSecond / echo.CapacityPerSecond;
            report.Measurements.Add(new Measurement(Name, $"ChatHub capacity vs echo hub, {chat.Protocol}", share * 100, "%",
                $"≥ {TargetShare:P0} of echo", share >= TargetShare,
                string.Create(CultureInfo.InvariantCulture,
                    $"offered {shape.OfferedDeliveries * OverloadFactor:0}/s: ChatHub carried {chat.CapacityPerSecond:0}/s, echo {echo.CapacityPerSecond:0}/s")));
        }
    }

    private static void Report(BenchmarkReport report, FanoutShape shape, FanoutRun run)
    {
        var isChat = run.Hub == HubKind.Chat;
        var met = run.DeliveriesPerSecond >= TargetDeliveries * 0.99 && run.P99 <= TargetP99Ms && run.Intact;
        report.Measurements.Add(new Measurement(Name,
            $"{(isChat ? "ChatHub" : "echo hub (reference)")}, {run.Protocol}: deliveries to {shape.Connections} connections of {shape.Members} members",
            run.DeliveriesPerSecond, "deliveries/s",
            isChat ? $"≥ {TargetDeliveries:0}/s, p99 ≤ {TargetP99Ms:0} ms, none lost/doubled/reordered" : "reference",
            !isChat || met,
            string.Create(CultureInfo.InvariantCulture,
                $"offered {shape.OfferedDeliveries:0}/s; lost {run.Lost}, doubled {run.Duplicates}, reordered {run.Reordered}, send errors {run.Errors}; connection starts refused {run.RefusedStarts}; beside the app: {run.Load}"),
            new Latency(shape.OfferedDeliveries, run.P50, run.P99, run.P999, 0, run.Errors), run.AppCpuPercent, run.AppResidentMb));
    }

    /// <summary>Who sits where: channel c of ten holds members c·10 … c·10+9 (modulo the crowd), the large one everyone in turn.</summary>
    private static List<BenchMember[]> Seats(FanoutShape shape, IReadOnlyList<BenchMember> members)
    {
        var seats = new List<BenchMember[]>();
        for (var c = 0; c < shape.SmallChannels; c++)
        {
            seats.Add([.. Enumerable.Range(0, FanoutShape.SmallChannelSize).Select(k => members[(c * FanoutShape.SmallChannelSize + k) % members.Count])]);
        }

        seats.Add([.. Enumerable.Range(0, shape.BigChannelSize).Select(i => members[i % members.Count])]);
        return seats;
    }

    private static async Task<FanoutRun> RunOnceAsync(
        AppUnderTest app, HubKind hub, bool messagePack, FanoutShape shape, List<BenchMember[]> seats, List<Guid> groupIds,
        BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var protocol = messagePack ? "MessagePack" : "JSON";
        // Handlers read the variable, not a copy: each phase swaps in a fresh tracker.
        var tracker = new FanoutTracker(shape.Connections);
        var channels = new List<FanoutChannel>();
        var all = new List<HubConnection>();
        foreach (var (index, seated) in seats.Index())
        {
            var connections = new List<HubConnection>();
            foreach (var member in seated)
            {
                var receiver = all.Count;
                var connection = HubConnections.Create(app, hub, messagePack, hub == HubKind.Chat ? member.Cookies : null);
                if (hub == HubKind.Chat)
                {
                    connection.On<ChatMessageView>(nameof(IChatClient.MessageReceived), m => tracker.Record(receiver, m.Body, m.Seq));
                }
                else
                {
                    connection.On<string>(EchoHub.ClientMethod, body => tracker.Record(receiver, body, null));
                }

                connections.Add(connection);
                all.Add(connection);
            }

            channels.Add(new FanoutChannel(groupIds[index], $"bench-{index}", connections));
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var refusedStarts = await HubConnections.StartAllAsync(all, cancellationToken);
            await JoinAllAsync(hub, channels, cancellationToken);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {hub} hub, {protocol}: {all.Count} connections started and joined in {clock.Elapsed.TotalSeconds:0.0} s ({refusedStarts} starts refused and tried again)"));

            await SendPhaseAsync(hub, channels, shape, 1, options.Warmup, cancellationToken);
            await DrainAsync(tracker, long.MaxValue, TimeSpan.FromSeconds(2), cancellationToken);

            tracker = new FanoutTracker(shape.Connections);
            var usage = ProcessStats.Watch(app.ProcessId);
            var loadSide = LoadSide.Watch(app.PostgresProcessId);
            var phaseStart = Stopwatch.GetTimestamp();
            var (expected, errors) = await SendPhaseAsync(hub, channels, shape, 1, options.PhaseDuration, cancellationToken);
            await DrainAsync(tracker, expected, TimeSpan.FromSeconds(10), cancellationToken);
            var (cpu, residentMb) = usage.Stop();
            var load = loadSide.Stop();
            var steady = tracker;
            var lastArrival = Stopwatch.GetElapsedTime(phaseStart, steady.LastArrivalTimestamp);
            var deliveriesPerSecond = steady.Delivered / Math.Max(options.PhaseDuration.TotalSeconds, lastArrival.TotalSeconds);

            tracker = new FanoutTracker(shape.Connections);
            var overload = Stopwatch.StartNew();
            var overloadDuration = options.PhaseDuration / 2;
            var sending = SendPhaseAsync(hub, channels, shape, OverloadFactor, overloadDuration, cancellationToken);
            await Task.Delay(overloadDuration, cancellationToken);
            var capacity = tracker.Delivered / overload.Elapsed.TotalSeconds;
            await sending;
            await DrainAsync(tracker, long.MaxValue, TimeSpan.FromSeconds(3), cancellationToken);

            var run = new FanoutRun(hub, protocol, deliveriesPerSecond, steady.PercentileMs(50), steady.PercentileMs(99), steady.PercentileMs(99.9),
                Math.Max(0, expected - steady.Delivered), steady.Duplicates, steady.Reordered, errors, refusedStarts, capacity,
                cpu, residentMb, load);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {hub} hub, {protocol}: {run.DeliveriesPerSecond:0} deliveries/s, p99 {run.P99:0.0} ms, lost {run.Lost}, errors {run.Errors}; capacity {run.CapacityPerSecond:0}/s; beside the app: {run.Load}"));
            return run;
        }
        finally
        {
            await HubConnections.DisposeAllAsync(all);
        }
    }

    private static async Task JoinAllAsync(HubKind hub, List<FanoutChannel> channels, CancellationToken cancellationToken)
    {
        var joins = channels.SelectMany(channel => channel.Connections.Select(connection => (channel, connection)));
        await Parallel.ForEachAsync(joins, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (join, ct) =>
        {
            if (hub == HubKind.Chat)
            {
                var joined = await join.connection.InvokeAsync<ChannelJoined>(nameof(ChatHub.JoinGroupChannel), join.channel.GroupId, ct);
                join.channel.ChannelId = joined.ChannelId;
            }
            else
            {
                await join.connection.InvokeAsync(nameof(EchoHub.Join), join.channel.EchoGroup, ct);
            }
        });
    }

    /// <summary>
    /// Sends open loop for <paramref name="duration"/>: the small channels in turn at their rate, the large one at its
    /// own, each send at its intended time whatever the previous ones are doing. Returns the deliveries owed to
    /// receivers by the sends the hub accepted, and the number it refused.
    /// </summary>
    private static async Task<(long Expected, long Errors)> SendPhaseAsync(
        HubKind hub, List<FanoutChannel> channels, FanoutShape shape, double factor, TimeSpan duration, CancellationToken cancellationToken)
    {
        long expected = 0, errors = 0;
        var inFlight = new List<Task>();
        var small = channels.Take(shape.SmallChannels).ToArray();
        var big = channels[^1];
        var start = Stopwatch.GetTimestamp();

        async Task Loop(double rate, Func<int, FanoutChannel> pick)
        {
            var interval = TimeSpan.FromSeconds(1 / rate);
            for (var i = 0; interval * i < duration && !cancellationToken.IsCancellationRequested; i++)
            {
                var intended = interval * i;
                var wait = intended - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken);
                }

                var channel = pick(i);
                var body = FanoutTracker.Body(start + (long)(intended.TotalSeconds * Stopwatch.Frequency), i);
                var send = SendAsync(hub, channel, body, cancellationToken).ContinueWith(t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        Interlocked.Add(ref expected, channel.Connections.Count);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }, TaskScheduler.Default);
                lock (inFlight)
                {
                    inFlight.Add(send);
                }
            }
        }

        await Task.WhenAll(
            Loop(shape.SmallRate * factor, i => small[i % small.Length]),
            Loop(shape.BigRate * factor, _ => big));
        Task[] pending;
        lock (inFlight)
        {
            pending = [.. inFlight];
        }

        await Task.WhenAll(pending);
        return (expected, errors);
    }

    private static Task SendAsync(HubKind hub, FanoutChannel channel, string body, CancellationToken cancellationToken) =>
        hub == HubKind.Chat
            ? channel.NextSender().InvokeAsync<ChatMessageView>(nameof(ChatHub.Send), channel.ChannelId, Guid.NewGuid(), body, cancellationToken)
            : channel.NextSender().InvokeAsync(nameof(EchoHub.Send), channel.EchoGroup, body, cancellationToken);

    /// <summary>Waits until <paramref name="expected"/> deliveries arrived, or nothing arrived for a while, or the limit.</summary>
    private static async Task DrainAsync(FanoutTracker tracker, long expected, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var last = -1L;
        while (clock.Elapsed < limit && tracker.Delivered < expected)
        {
            await Task.Delay(200, cancellationToken);
            if (expected == long.MaxValue && tracker.Delivered == last)
            {
                return;
            }

            last = tracker.Delivered;
        }
    }
}
