using System.Diagnostics;
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
    private readonly string connectionString = fixture.ConnectionString;

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
        using var listener = AppMeasurements.Record(app, ChatService.BatchSizeInstrument, commits);
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
        var lane = await ChannelsInOneLaneAsync(6, member);
        var caller = Caller(member);
        var commits = new List<int>();
        using var listener = AppMeasurements.Record(app, ChatService.BatchSizeInstrument, commits);

        Task<ChatMessageView[]> waiting = null!;
        var first = await HoldLaneAsync(caller, lane[0], 5, () =>
            waiting = Task.WhenAll(lane.Skip(1).Select(channelId => Task.Run(() => Chat.SendAsync(caller, channelId, Guid.NewGuid(), "Queued behind")))));

        Assert.Equal(1, (await first).Seq);
        Assert.All(await waiting, v => Assert.Equal(1, v.Seq));
        lock (commits)
        {
            // A writer per channel would have made six commits of one.
            Assert.Equal([1, 5], commits);
        }
    }

    [Fact]
    public async Task Send_ByAnOutsiderInTheSameBatch_IsRefusedAlone_TheMembersMessageIsStored()
    {
        var member = await TestAccounts.CreateAsync(app, "Lane member");
        var outsider = await TestAccounts.CreateAsync(app, "Lane outsider");
        var lane = await ChannelsInOneLaneAsync(2, member);

        Task<ChatMessageView> refused = null!;
        Task<ChatMessageView> stored = null!;
        var first = await HoldLaneAsync(Caller(member), lane[0], 2, () =>
        {
            refused = Task.Run(() => Chat.SendAsync(Caller(outsider), lane[1], Guid.NewGuid(), "Let me in"));
            stored = Task.Run(() => Chat.SendAsync(Caller(member), lane[1], Guid.NewGuid(), "Hello, members"));
        });

        await first;
        var refusal = await Assert.ThrowsAsync<ChatRefusedException>(() => refused);
        Assert.Equal(ChatService.NoSuchChannel, refusal.Message);
        Assert.Equal(1, (await stored).Seq);
        var history = await Chat.HistoryAsync(Caller(member), lane[1], long.MaxValue, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["Hello, members"], history.Select(v => v.Body));
    }

    [Fact]
    public async Task Send_ByTwoMembersIntoThreeChannelsInOneBatch_TakesTheStatementsOfASingleSend()
    {
        var first = await TestAccounts.CreateAsync(app, "Lane counter one");
        var second = await TestAccounts.CreateAsync(app, "Lane counter two");
        var lane = await ChannelsInOneLaneAsync(4, first, second);
        var commits = new List<int>();
        using var listener = AppMeasurements.Record(app, ChatService.BatchSizeInstrument, commits);
        using var traced = new ActivitySource(nameof(ChatLaneTests));
        using var statements = new StatementCounter(connectionString, traced.Name);

        Task<ChatMessageView[]> waiting = null!;
        var held = await HoldLaneAsync(Caller(first), lane[0], 6, () =>
            waiting = Task.WhenAll(
                from channelId in lane.Skip(1)
                from member in new[] { first, second }
                select Task.Run(() => Chat.SendAsync(Caller(member), channelId, Guid.NewGuid(), $"{member.DisplayName} counts"))),
            traced);

        await held;
        Assert.All(await waiting, v => Assert.InRange(v.Seq, 1, 2));
        lock (commits)
        {
            Assert.Equal([1, 6], commits);
        }

        // Each batch: the transaction's start with the locks and every sender's access, then the messages with their
        // counters and read positions and the commit. It was seven commands for each (14) and a commit of its own: the
        // locks, the accounts, the channels again, a savepoint, the inserts, its release, the read positions.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n---\n", statements.Statements));
        Assert.Equal(4, statements.Statements.Count);
        Assert.All(statements.Statements.Where((_, i) => i % 2 == 0), s => Assert.StartsWith("BEGIN;", s, StringComparison.Ordinal));
        Assert.All(statements.Statements.Where((_, i) => i % 2 == 1), s => Assert.EndsWith("COMMIT", s.TrimEnd(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_WhenTheSharedWriteFails_TheOtherChannelIsStored_AndNothingStaysLocked()
    {
        var member = await TestAccounts.CreateAsync(app, "Lane failure");
        var lane = await ChannelsInOneLaneAsync(2, member);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var planted = Guid.NewGuid();
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            // A row at the next sequence number that the channel's counter does not know of: the batch's insert clashes.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO chat_messages (id, channel_id, seq, client_message_id, author_id, body, created_at) SELECT {planted}, id, last_seq + 1, {Guid.NewGuid()}, {member.Id}, 'planted', now() FROM chat_channels WHERE id = {lane[1]}",
                TestContext.Current.CancellationToken);
        }

        Task<ChatMessageView> clashing = null!;
        Task<ChatMessageView> beside = null!;
        var held = await HoldLaneAsync(Caller(member), lane[0], 2, () =>
        {
            clashing = Task.Run(() => Chat.SendAsync(Caller(member), lane[1], Guid.NewGuid(), "Clashes"));
            beside = Task.Run(() => Chat.SendAsync(Caller(member), lane[0], Guid.NewGuid(), "Stored beside it"));
        });

        Assert.Equal(1, (await held).Seq);
        Assert.Equal(2, (await beside).Seq);
        await Assert.ThrowsAnyAsync<Exception>(() => clashing);

        // The failed transactions were rolled back: no connection is left inside one, and the clashing channel's row
        // lock is free, so once the planted row is gone the next message there is stored.
        await Eventually.WaitAsync(async () => await OpenTransactionsAsync(contexts) == 0, "no connection is left in a transaction");
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM chat_messages WHERE id = {planted}", TestContext.Current.CancellationToken);
        }

        var after = await Chat.SendAsync(Caller(member), lane[1], Guid.NewGuid(), "Stored after", TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(1, after.Seq);
    }

    [Fact]
    public async Task Send_DirectMessageToSomeoneAway_StoresTheNotificationWithoutASavepoint()
    {
        var sender = await TestAccounts.CreateAsync(app, "Lane writer");
        var away = await TestAccounts.CreateAsync(app, "Lane reader away");
        await ChatTestGroups.CreateAsync(app, sender, away);
        var channelId = (await Chat.OpenDirectAsync(Caller(sender), away.Id, TestContext.Current.CancellationToken)).ChannelId;
        using var traced = new ActivitySource(nameof(ChatLaneTests));
        using var statements = new StatementCounter(connectionString, traced.Name);

        using (traced.StartActivity("Direct message"))
        {
            await Chat.SendAsync(Caller(sender), channelId, Guid.NewGuid(), "Read this when you are back", TestContext.Current.CancellationToken);
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientId == away.Id, TestContext.Current.CancellationToken));
        // EF would wrap the notification's insert in a savepoint and release it: two round trips that protect nothing.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n---\n", statements.Statements));
        Assert.DoesNotContain(statements.Statements, s => s.Contains("SAVEPOINT", StringComparison.Ordinal));
        Assert.Contains(statements.Statements, s => s.Contains("INSERT INTO notifications", StringComparison.Ordinal));
    }

    private ChatService Chat => app.Services.GetRequiredService<ChatService>();

    /// <summary>Group channels of <paramref name="members"/>, created until <paramref name="count"/> of them share a writer.</summary>
    private async Task<List<Guid>> ChannelsInOneLaneAsync(int count, params ApplicationUser[] members)
    {
        var lanes = new Dictionary<int, List<Guid>>();
        while (true)
        {
            var group = await ChatTestGroups.CreateAsync(app, members);
            var channelId = (await Chat.OpenGroupChannelAsync(Caller(members[0]), group.Id, TestContext.Current.CancellationToken)).ChannelId;
            var lane = lanes.TryGetValue(ChatSendBatches.LaneOf(channelId), out var found) ? found : lanes[ChatSendBatches.LaneOf(channelId)] = [];
            lane.Add(channelId);
            if (lane.Count == count)
            {
                return lane;
            }
        }
    }

    /// <summary>
    /// Holds <paramref name="held"/>'s row so that a send into it keeps its lane's writer waiting; meanwhile
    /// <paramref name="queue"/> sends into the lane's other channels, and once <paramref name="queued"/> sends wait
    /// behind, lets go. Returns the held send. Given <paramref name="traced"/>, the held send, and so the lane's writer
    /// for as long as it runs, works inside an activity of that source.
    /// </summary>
    private async Task<Task<ChatMessageView>> HoldLaneAsync(ChatCaller caller, Guid held, int queued, Action queue, ActivitySource? traced = null)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var holder = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await using var hold = await holder.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await holder.Database.ExecuteSqlAsync($"SELECT 1 FROM chat_channels WHERE id = {held} FOR UPDATE", TestContext.Current.CancellationToken);
        Task<ChatMessageView> first;
        using (traced?.StartActivity("Held send"))
        {
            first = Task.Run(() => Chat.SendAsync(caller, held, Guid.NewGuid(), "Held up"));
        }

        await Eventually.WaitAsync(async () => await LockWaitsAsync(contexts) > 0, "the lane's writer waits for the held channel");
        queue();
        await Eventually.WaitAsync(() => Chat.SendsWaitingInLaneOf(held) == queued, $"{queued} sends wait in the lane");
        return first;
    }

    private static async Task<int> LockWaitsAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
    }

    private static async Task<int> OpenTransactionsAsync(IDbContextFactory<AppDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'")
            .SingleAsync();
    }

    private static ChatCaller Caller(ApplicationUser member) => new(member.Id, false, null);
}
