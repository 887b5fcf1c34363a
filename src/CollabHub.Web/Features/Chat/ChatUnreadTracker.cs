using CollabHub.Web.Infrastructure.Live;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The signed-in member's unread chat counts for one circuit (or one request while prerendering), shared by every
/// <see cref="ChatUnreadBadge"/> on the page: loaded once, then kept current from the live events chat already
/// publishes: new messages on the member's group channels, and read states on the member's own topic (their reads on
/// any device, and new direct messages to them). Counts take the highest sequence numbers seen, so events arriving
/// in any order give the same result.
/// </summary>
public sealed class ChatUnreadTracker(ChatService chat, ILiveEvents live) : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<IDisposable> subscriptions = [];
    private Dictionary<Guid, Position> channels = [];
    private ChatCaller? caller;
    private Task? loading;
    private bool listening;

    /// <summary>Raised (on a live-event thread) after any count changed.</summary>
    public event Action? Changed;

    /// <summary>Unread messages in the member's direct conversations, together.</summary>
    public long DirectUnread
    {
        get
        {
            lock (gate)
            {
                return channels.Values.Where(c => c.GroupId is null).Sum(c => c.Unread);
            }
        }
    }

    /// <summary>Unread messages in a group's channel; 0 when the member has none there.</summary>
    public long GroupUnread(Guid groupId)
    {
        lock (gate)
        {
            return channels.Values.Where(c => c.GroupId == groupId).Sum(c => c.Unread);
        }
    }

    /// <summary>Loads the counts once for <paramref name="member"/>; later calls wait for the same load.</summary>
    public Task LoadAsync(ChatCaller member)
    {
        lock (gate)
        {
            caller ??= member;
            return loading ??= ReloadAsync();
        }
    }

    /// <summary>Starts following live events (once per circuit) when the counts have loaded; only interactive badges call it.</summary>
    public async Task ListenAsync()
    {
        Task? loaded;
        lock (gate)
        {
            loaded = loading;
        }

        if (loaded is null)
        {
            return;
        }

        await loaded;
        List<Guid> groupChannels;
        lock (gate)
        {
            if (listening || caller is null)
            {
                return;
            }

            listening = true;
            groupChannels = [.. channels.Where(c => c.Value.GroupId is not null).Select(c => c.Key)];
        }

        subscriptions.Add(live.Subscribe<ChatReadState>(LiveTopics.User(caller.UserId), OnReadStateAsync));
        foreach (var channelId in groupChannels)
        {
            subscriptions.Add(live.Subscribe<ChatMessageChanged>(LiveTopics.Chat(channelId), OnMessageAsync));
        }

        // Once more now that nothing can slip by: a message sent between the first load and subscribing counts too.
        _ = RefreshAsync();
    }

    /// <summary>
    /// A chat panel of this circuit shows <paramref name="channelId"/> up to <paramref name="seq"/>: counted as read
    /// now, before the position is stored, so the page's badges never count what the reader is looking at.
    /// </summary>
    public void MarkedRead(Guid channelId, long seq)
    {
        lock (gate)
        {
            if (!channels.TryGetValue(channelId, out var position))
            {
                return;
            }

            channels[channelId] = position.Merge(seq, seq);
        }

        Changed?.Invoke();
    }

    public void Dispose()
    {
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        subscriptions.Clear();
    }

    private async Task RefreshAsync()
    {
        await ReloadAsync();
        Changed?.Invoke();
    }

    private async Task ReloadAsync()
    {
        IReadOnlyList<ChatUnread> list;
        try
        {
            list = await chat.UnreadAsync(caller!);
        }
        catch (ChatRefusedException)
        {
            // A session that ended shows no counts; the pages themselves deal with signing in again.
            list = [];
        }

        var loaded = list.ToDictionary(c => c.ChannelId, c => new Position(c.GroupId, c.ReadSeq, c.LastSeq));
        lock (gate)
        {
            foreach (var (id, known) in channels)
            {
                if (loaded.TryGetValue(id, out var fresh))
                {
                    loaded[id] = fresh.Merge(known.ReadSeq, known.LastSeq);
                }
            }

            channels = loaded;
        }
    }

    private async Task OnReadStateAsync(ChatReadState state)
    {
        bool known;
        lock (gate)
        {
            known = channels.TryGetValue(state.ChannelId, out var position);
            if (known)
            {
                channels[state.ChannelId] = position!.Merge(state.LastReadSeq, state.LastSeq);
            }
        }

        if (!known)
        {
            // A conversation someone just started with the member: its kind and place come from the database.
            await ReloadAsync();
        }

        Changed?.Invoke();
    }

    private Task OnMessageAsync(ChatMessageChanged changed)
    {
        if (changed.Change != ChatChange.Posted)
        {
            return Task.CompletedTask;
        }

        var message = changed.Message;
        lock (gate)
        {
            if (channels.TryGetValue(message.ChannelId, out var position))
            {
                // One's own message is read by definition.
                var read = message.AuthorId == caller?.UserId ? message.Seq : 0;
                channels[message.ChannelId] = position.Merge(read, message.Seq);
            }
        }

        Changed?.Invoke();
        return Task.CompletedTask;
    }

    private sealed record Position(Guid? GroupId, long ReadSeq, long LastSeq)
    {
        public long Unread => Math.Max(0, LastSeq - ReadSeq);

        public Position Merge(long readSeq, long lastSeq) => this with { ReadSeq = Math.Max(ReadSeq, readSeq), LastSeq = Math.Max(LastSeq, lastSeq) };
    }
}
