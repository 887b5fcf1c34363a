using System.Diagnostics.Metrics;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// Sends into many channels at once are written by a few lanes, each storing whatever its channels have waiting in one
/// commit: every sender still gets their own message back, and every channel's sequence stays gap-free and in the
/// order the channel's readers are told.
/// </summary>
public sealed class ChatLaneTests(FloodFreeChatAppFixture fixture) : IClassFixture<FloodFreeChatAppFixture>
{
    private const int Channels = 24;
    private const int Members = 4;
    private const int MessagesEach = 5;
    private readonly CollabHubApp app = fixture.App;

    [Fact]
    public async Task Send_IntoManyChannelsAtOnce_EverySenderGetsTheirMessage_EachChannelGapFreeInOrder()
    {
        var members = new List<ApplicationUser>();
        for (var i = 0; i < Members; i++)
        {
            members.Add(await TestAccounts.CreateAsync(app, $"Lane sender {i}"));
        }

        var chat = app.Services.GetRequiredService<ChatService>();
        var channels = new List<Guid>();
        for (var c = 0; c < Channels; c++)
        {
            var group = await ChatTestGroups.CreateAsync(app, [.. members]);
            channels.Add((await chat.OpenGroupChannelAsync(Caller(members[0]), group.Id, TestContext.Current.CancellationToken)).ChannelId);
        }

        var commits = new List<int>();
        using var listener = ListenToCommits(commits);
        var sends = (
            from channel in channels
            from member in members
            from n in Enumerable.Range(0, MessagesEach)
            select (Channel: channel, Member: member, Body: $"{member.DisplayName}, number {n}")).ToList();
        var stored = await Task.WhenAll(sends.Select(s => Task.Run(() => chat.SendAsync(Caller(s.Member), s.Channel, Guid.NewGuid(), s.Body))));

        Assert.Equal(sends.Select(s => (s.Channel, s.Body)), stored.Select(v => (v.ChannelId, v.Body)));
        lock (commits)
        {
            Assert.Equal(sends.Count, commits.Sum());
        }

        const int perChannel = Members * MessagesEach;
        foreach (var channel in channels)
        {
            Assert.Equal(Enumerable.Range(1, perChannel).Select(n => (long)n), stored.Where(v => v.ChannelId == channel).Select(v => v.Seq).Order());
            var history = await chat.HistoryAsync(Caller(members[1]), channel, long.MaxValue, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(Enumerable.Range(1, perChannel).Select(n => (long)n), history.Select(v => v.Seq));
            Assert.Equal(
                stored.Where(v => v.ChannelId == channel).OrderBy(v => v.Seq).Select(v => v.Body),
                history.Select(v => v.Body));
        }
    }

    [Fact]
    public async Task Send_IntoSeveralChannelsWhileTheirWriterIsBusy_IsStoredInOneCommit()
    {
        var member = await TestAccounts.CreateAsync(app, "Lane waiter");
        var chat = app.Services.GetRequiredService<ChatService>();
        var caller = Caller(member);
        var lanes = new Dictionary<int, List<Guid>>();
        List<Guid> lane;
        do
        {
            // Channels until one lane has six: the first to hold its writer up, five to wait behind it.
            var group = await ChatTestGroups.CreateAsync(app, member);
            var channelId = (await chat.OpenGroupChannelAsync(caller, group.Id, TestContext.Current.CancellationToken)).ChannelId;
            lane = lanes.TryGetValue(ChatSendBatches.LaneOf(channelId), out var found) ? found : lanes[ChatSendBatches.LaneOf(channelId)] = [];
            lane.Add(channelId);
        }
        while (lane.Count < 6);

        var commits = new List<int>();
        using var listener = ListenToCommits(commits);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Task<ChatMessageView[]> waiting;
        Task<ChatMessageView> first;
        await using (var holder = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await using var hold = await holder.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await holder.Database.ExecuteSqlAsync($"SELECT 1 FROM chat_channels WHERE id = {lane[0]} FOR UPDATE", TestContext.Current.CancellationToken);
            first = Task.Run(() => chat.SendAsync(caller, lane[0], Guid.NewGuid(), "Held up"));
            await Eventually.WaitAsync(async () => await LockWaitsAsync(contexts) > 0, "the lane's writer waits for the held channel");
            waiting = Task.WhenAll(lane.Skip(1).Select(channelId => Task.Run(() => chat.SendAsync(caller, channelId, Guid.NewGuid(), "Queued behind"))));
            await Eventually.WaitAsync(() => chat.SendsWaitingInLaneOf(lane[0]) == 5, "five sends wait in the lane");
        }

        Assert.Equal(1, (await first).Seq);
        Assert.All(await waiting, v => Assert.Equal(1, v.Seq));
        lock (commits)
        {
            // A writer per channel would have made six commits of one.
            Assert.Equal([1, 5], commits);
        }
    }

    private static async Task<int> LockWaitsAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
    }

    private MeterListener ListenToCommits(List<int> commits)
    {
        var listener = new MeterListener();
        var ours = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == ours && instrument.Name == ChatService.BatchSizeInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => { lock (commits) { commits.Add(size); } });
        listener.Start();
        return listener;
    }

    private static ChatCaller Caller(ApplicationUser member) => new(member.Id, false, null);
}
