using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CollabHub.Web.Features.Chat;
using HdrHistogram;
using Microsoft.AspNetCore.SignalR.Client;

namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// Scenario 4, "Connect and presence churn": members connect and leave as fast as the app lets them while an
/// observer in their group watches presence. Each connect must reach the observer as "online" (latency from the
/// moment the connect began), and afterwards nobody may linger online: a fresh join lists only the observer.
/// </summary>
public static class PresenceChurnScenario
{
    public const string Name = "churn";
    private const double TargetConnectsPerSecond = 1000;
    private const double TargetP99Ms = 100;
    private const int Workers = 32;

    public static async Task RunAsync(AppUnderTest app, BenchmarkOptions options, BenchmarkReport report, TextWriter log, CancellationToken cancellationToken)
    {
        var count = options.Size switch { BenchmarkSize.Tiny => 10, BenchmarkSize.Quick => 50, _ => 100 };
        var members = await ChatCommunity.MembersAsync(app, count, cancellationToken);
        var observerMember = members[0];
        var churners = members[1..];
        var groupId = await ChatCommunity.CreateGroupAsync(app, "Presence churn", members, cancellationToken);

        var started = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var offline = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        var histogram = new LongConcurrentHistogram(1, TimeStamp.Seconds(60), 3);
        long seenOnline = 0;
        await using var observer = HubConnections.Create(app, HubKind.Chat, messagePack: false, observerMember.Cookies);
        observer.On<MemberPresence>(nameof(IChatClient.PresenceChanged), presence =>
        {
            if (presence.State == PresenceState.Online && started.TryRemove(presence.UserId, out var start))
            {
                histogram.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds));
                Interlocked.Increment(ref seenOnline);
            }
            else if (presence.State == PresenceState.Offline && offline.TryGetValue(presence.UserId, out var gone))
            {
                gone.TrySetResult();
            }
        });
        await observer.StartAsync(cancellationToken);
        await observer.InvokeAsync<ChannelJoined>(nameof(ChatHub.JoinGroupChannel), groupId, cancellationToken);

        long connects = 0, failures = 0;
        var usage = ProcessStats.Watch(app.ProcessId);
        var clock = Stopwatch.StartNew();
        var duration = options.PhaseDuration;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            var mine = churners.Where((_, i) => i % Workers == worker).ToArray();
            for (var turn = 0; mine.Length > 0 && clock.Elapsed < duration && !cancellationToken.IsCancellationRequested; turn++)
            {
                var member = mine[turn % mine.Length];
                // A member comes back only after everyone saw them leave, so every connect is a real "came online".
                if (offline.TryGetValue(member.UserId, out var previous))
                {
                    await previous.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                }

                offline[member.UserId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                started[member.UserId] = Stopwatch.GetTimestamp();
                var connection = HubConnections.Create(app, HubKind.Chat, messagePack: false, member.Cookies);
                try
                {
                    await connection.StartAsync(cancellationToken);
                    Interlocked.Increment(ref connects);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                    offline[member.UserId].TrySetResult();
                }
                finally
                {
                    await connection.DisposeAsync();
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var (cpu, residentMb) = usage.Stop();

        // Whoever the app still thinks is online now leaked: a new connection's join lists who is online.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await using var check = HubConnections.Create(app, HubKind.Chat, messagePack: false, observerMember.Cookies);
        await check.StartAsync(cancellationToken);
        var joined = await check.InvokeAsync<ChannelJoined>(nameof(ChatHub.JoinGroupChannel), groupId, cancellationToken);
        var leaked = joined.Online.Count(p => p.UserId != observerMember.UserId);

        var rate = connects / elapsed.TotalSeconds;
        var p99 = histogram.TotalCount == 0 ? double.NaN : histogram.GetValueAtPercentile(99) / 1000.0;
        var latency = new Latency(rate, histogram.GetValueAtPercentile(50) / 1000.0, p99, histogram.GetValueAtPercentile(99.9) / 1000.0, histogram.TotalCount, failures);
        var missed = connects - Interlocked.Read(ref seenOnline);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {connects} connects in {elapsed.TotalSeconds:0.0} s ({rate:0}/s), presence p99 {p99:0.0} ms, missed {missed}, failed {failures}, leaked {leaked}"));
        report.Measurements.Add(new Measurement(Name, $"connect + presence, {churners.Length} members cycling", rate, "connects/s",
            $"≥ {TargetConnectsPerSecond:0}/s, presence p99 ≤ {TargetP99Ms:0} ms, none missed or leaked",
            rate >= TargetConnectsPerSecond && p99 <= TargetP99Ms && missed == 0 && leaked == 0 && failures == 0,
            string.Create(CultureInfo.InvariantCulture, $"{Workers} connecting at once; presence not seen {missed}, failed {failures}, still online after {leaked}"),
            latency, cpu, residentMb));
    }
}
