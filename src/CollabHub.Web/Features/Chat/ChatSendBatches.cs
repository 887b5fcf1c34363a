namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The writers of chat messages. Every channel belongs to one of <see cref="Lanes"/> lanes (by its id), and each lane
/// has one writer: while sends wait in a lane, a single loop takes all of them (up to <see cref="MaxBatch"/>, from any
/// of the lane's channels), stores them in one transaction and publishes them, and only then takes the next batch.
/// So a channel's sequence numbers are published in the order they were assigned and every subscriber of the
/// channel's topic sees them in that order.
/// </summary>
/// <remarks>
/// Before, each send committed and published on its own: two sends committed as n and n + 1 could publish as n + 1,
/// n, and under overload receivers saw messages out of order (20 with JSON and 230 with MessagePack in one quick
/// benchmark run). A writer per channel fixed the order, but in a community of many small channels almost every batch
/// held one message, so the database still made one durable commit per message: the real hub carried 31% (JSON) and
/// 46% (MessagePack) of a bare echo hub's deliveries in the benchmark, with the app's core two-thirds idle. A lane
/// writes whatever its channels have waiting in one commit. There are a few lanes, not one, so that one slow commit
/// does not hold up every channel, and one channel's burst only delays the channels that share its lane. The order
/// holds within this process, which is where <see cref="Infrastructure.Live.ILiveEvents"/> delivers.
/// </remarks>
internal sealed class ChatSendBatches
{
    /// <summary>How many writers there are; each channel always uses the same one.</summary>
    public const int Lanes = 4;

    /// <summary>The most sends written in one transaction; a burst beyond it is written by the next turn of the loop.</summary>
    public const int MaxBatch = 200;

    private readonly Lane[] lanes = [.. Enumerable.Range(0, Lanes).Select(_ => new Lane())];

    /// <summary>Queues <paramref name="send"/> and starts its lane's loop, writing with <paramref name="write"/>, if it is not running.</summary>
    public Task<ChatMessageView> Add(ChatPendingSend send, Func<IReadOnlyList<ChatPendingSend>, Task> write)
    {
        var lane = lanes[LaneOf(send.ChannelId)];
        bool start;
        lock (lane.Gate)
        {
            lane.Waiting.Add(send);
            start = !lane.Running;
            lane.Running = true;
        }

        if (start)
        {
            _ = Task.Run(() => WriteAllAsync(lane, write));
        }

        return send.Completion.Task;
    }

    /// <summary>The lane that writes <paramref name="channelId"/>'s messages.</summary>
    public static int LaneOf(Guid channelId) => (int)((uint)channelId.GetHashCode() % Lanes);

    /// <summary>How many sends wait in <paramref name="channelId"/>'s lane, not counting the batch being written.</summary>
    public int WaitingInLaneOf(Guid channelId)
    {
        var lane = lanes[LaneOf(channelId)];
        lock (lane.Gate)
        {
            return lane.Waiting.Count;
        }
    }

    private static async Task WriteAllAsync(Lane lane, Func<IReadOnlyList<ChatPendingSend>, Task> write)
    {
        while (true)
        {
            ChatPendingSend[] batch;
            lock (lane.Gate)
            {
                if (lane.Waiting.Count == 0)
                {
                    lane.Running = false;
                    return;
                }

                batch = [.. lane.Waiting.Take(MaxBatch)];
                lane.Waiting.RemoveRange(0, batch.Length);
            }

            try
            {
                await write(batch);
            }
            catch (Exception exception)
            {
                // The senders hear of the failure (the hub reports it to each); the loop goes on with the next batch.
                foreach (var send in batch)
                {
                    send.Completion.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>A writer's queue; <see cref="Running"/> is true exactly while its loop runs, changed under <see cref="Gate"/>.</summary>
    private sealed class Lane
    {
        public Lock Gate { get; } = new();

        public List<ChatPendingSend> Waiting { get; } = [];

        public bool Running { get; set; }
    }
}
