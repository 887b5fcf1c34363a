using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.AspNetCore.SignalR;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Forwards live events to hub connections: subscribes to a channel's topic while any connection joined it and sends
/// to its SignalR group through <see cref="IHubContext{THub, T}"/> (one serialisation per protocol per send). It also
/// enforces removal and suspension as they happen: a <see cref="GroupMembershipRemoved"/> takes every connection of
/// that member out of the group's channel, an <see cref="AccountSuspended"/> closes all of theirs.
/// </summary>
public sealed class ChatHubRelay : IDisposable
{
    private readonly IHubContext<ChatHub, IChatClient> hub;
    private readonly ILiveEvents live;
    private readonly ChatService chat;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Connection> connections = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Channel> channels = [];
    private readonly IDisposable presenceSubscription;

    public ChatHubRelay(IHubContext<ChatHub, IChatClient> hub, ILiveEvents live, ChatService chat)
    {
        this.hub = hub;
        this.live = live;
        this.chat = chat;
        presenceSubscription = live.Subscribe<MemberPresence>(LiveTopics.Presence, OnPresenceAsync);
    }

    public static string GroupName(Guid channelId) => LiveTopics.Chat(channelId);

    public void Connected(HubCallerContext context)
    {
        var userId = context.UserIdentifier!;
        var connectionId = context.ConnectionId;
        var subscriptions = new[]
        {
            live.Subscribe<AccountSuspended>(LiveTopics.User(userId), _ => ExpelAsync(userId)),
            live.Subscribe<ChatReadState>(LiveTopics.User(userId), state => hub.Clients.Client(connectionId).ReadStateChanged(state)),
        };
        lock (gate)
        {
            connections[connectionId] = new Connection(context, userId, subscriptions);
        }
    }

    public void Disconnected(string connectionId)
    {
        Connection? connection;
        lock (gate)
        {
            if (!connections.Remove(connectionId, out connection))
            {
                return;
            }

            foreach (var channelId in connection.Channels)
            {
                ReleaseLocked(channelId, connectionId);
            }
        }

        foreach (var subscription in connection.Subscriptions)
        {
            subscription.Dispose();
        }
    }

    public async Task JoinAsync(string connectionId, Guid channelId, Guid? groupId)
    {
        await hub.Groups.AddToGroupAsync(connectionId, GroupName(channelId));
        lock (gate)
        {
            if (!connections.TryGetValue(connectionId, out var connection) || !connection.Channels.Add(channelId))
            {
                return;
            }

            if (!channels.TryGetValue(channelId, out var channel))
            {
                channel = new Channel(groupId, Subscribe(channelId, groupId));
                channels[channelId] = channel;
            }

            channel.Connections.Add(connectionId);
        }
    }

    public async Task LeaveAsync(string connectionId, Guid channelId)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, GroupName(channelId));
        lock (gate)
        {
            if (connections.TryGetValue(connectionId, out var connection) && connection.Channels.Remove(channelId))
            {
                ReleaseLocked(channelId, connectionId);
            }
        }
    }

    /// <summary>Takes every connection of <paramref name="userId"/> out of every channel and closes it.</summary>
    public async Task ExpelAsync(string userId)
    {
        List<(string ConnectionId, Guid[] Channels, HubCallerContext Context)> expelled;
        lock (gate)
        {
            expelled = [.. connections.Values.Where(c => c.UserId == userId).Select(c => (c.Context.ConnectionId, c.Channels.ToArray(), c.Context))];
        }

        foreach (var (connectionId, joined, context) in expelled)
        {
            foreach (var channelId in joined)
            {
                await LeaveAsync(connectionId, channelId);
            }

            context.Abort();
        }
    }

    public void Dispose() => presenceSubscription.Dispose();

    private IDisposable[] Subscribe(Guid channelId, Guid? groupId)
    {
        var group = hub.Clients.Group(GroupName(channelId));
        var topic = LiveTopics.Chat(channelId);
        var subscriptions = new List<IDisposable>
        {
            live.Subscribe<ChatMessageChanged>(topic, changed => changed.Change switch
            {
                ChatChange.Posted => group.MessageReceived(changed.Message),
                ChatChange.Edited => group.MessageEdited(changed.Message),
                ChatChange.Deleted => group.MessageDeleted(changed.Message),
                _ => throw new ArgumentOutOfRangeException(nameof(changed), changed.Change, null),
            }),
            live.Subscribe<ChatTyping>(topic, typing => group.Typing(typing)),
        };
        if (groupId is { } id)
        {
            subscriptions.Add(live.Subscribe<GroupMembershipRemoved>(LiveTopics.Group(id), removed => OnRemovedAsync(channelId, removed)));
        }

        return [.. subscriptions];
    }

    private async Task OnRemovedAsync(Guid channelId, GroupMembershipRemoved removed)
    {
        string[] affected;
        lock (gate)
        {
            affected = [.. connections.Values.Where(c => c.UserId == removed.UserId && c.Channels.Contains(channelId)).Select(c => c.Context.ConnectionId)];
        }

        foreach (var connectionId in affected)
        {
            await LeaveAsync(connectionId, channelId);
            await hub.Clients.Client(connectionId).ChannelClosed(channelId, "You are no longer a member of this group.");
        }
    }

    private async Task OnPresenceAsync(MemberPresence presence)
    {
        Guid[] active;
        lock (gate)
        {
            active = [.. channels.Keys];
        }

        if (active.Length == 0)
        {
            return;
        }

        // Only channels the member belongs to hear of them, so presence never reveals membership elsewhere.
        var theirs = await chat.ChannelIdsOfAsync(presence.UserId);
        foreach (var channelId in active.Intersect(theirs))
        {
            await hub.Clients.Group(GroupName(channelId)).PresenceChanged(presence);
        }
    }

    private void ReleaseLocked(Guid channelId, string connectionId)
    {
        if (channels.TryGetValue(channelId, out var channel) && channel.Connections.Remove(connectionId) && channel.Connections.Count == 0)
        {
            channels.Remove(channelId);
            foreach (var subscription in channel.Subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    private sealed record Connection(HubCallerContext Context, string UserId, IDisposable[] Subscriptions)
    {
        public HashSet<Guid> Channels { get; } = [];
    }

    private sealed record Channel(Guid? GroupId, IDisposable[] Subscriptions)
    {
        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
    }
}
