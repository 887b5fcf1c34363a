using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Security;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Forwards live events to hub connections: subscribes to a channel's topic while any connection joined it and sends
/// to its SignalR group through <see cref="IHubContext{THub, T}"/> (one serialisation per protocol per send). It also
/// enforces removal and suspension as they happen: a <see cref="GroupMembershipRemoved"/> takes every connection of
/// that member out of the group's channel, an <see cref="AccountSuspended"/> closes all of theirs.
/// </summary>
/// <remarks>
/// A member's own topic is subscribed once for all their connections (it used to be two subscriptions, each with its
/// queue and loop, per connection: most of the 38 KB an idle hub connection held in a quick benchmark run).
/// </remarks>
public sealed class ChatHubRelay : IDisposable
{
    private readonly IHubContext<ChatHub, IChatClient> hub;
    private readonly ILiveEvents live;
    private readonly ChatMemberChannels memberChannels;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Connection> connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Member> members = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Channel> channels = [];
    private readonly IDisposable presenceSubscription;

    public ChatHubRelay(
        IHubContext<ChatHub, IChatClient> hub, ILiveEvents live, ChatService chat, TimeProvider clock, IOptions<AccountSecurityOptions> security)
    {
        this.hub = hub;
        this.live = live;
        memberChannels = new ChatMemberChannels(chat, clock, security.Value.RevalidationInterval);
        presenceSubscription = live.Subscribe<MemberPresence>(LiveTopics.Presence, OnPresenceAsync);
    }

    public static string GroupName(Guid channelId) => LiveTopics.Chat(channelId);

    /// <summary>Registers the connection; returns once the member's channels are known, so their presence can be addressed.</summary>
    public async Task ConnectedAsync(HubCallerContext context)
    {
        var userId = context.UserIdentifier!;
        lock (gate)
        {
            connections[context.ConnectionId] = new Connection(context, userId);
            if (!members.TryGetValue(userId, out var member))
            {
                member = new Member(live.Subscribe<object>(LiveTopics.User(userId), message => OnMemberEventAsync(userId, message)));
                members[userId] = member;
            }

            member.ConnectionIds.Add(context.ConnectionId);
        }

        await memberChannels.GetAsync(userId);
    }

    public void Disconnected(string connectionId)
    {
        Member? gone = null;
        lock (gate)
        {
            if (!connections.Remove(connectionId, out var connection))
            {
                return;
            }

            foreach (var channelId in connection.Channels)
            {
                ReleaseLocked(channelId, connectionId);
            }

            if (members.TryGetValue(connection.UserId, out var member) && member.ConnectionIds.Remove(connectionId) && member.ConnectionIds.Count == 0)
            {
                members.Remove(connection.UserId);
                gone = member;
            }
        }

        gone?.Subscription.Dispose();
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
            memberChannels.Add(connection.UserId, channelId);
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

        memberChannels.Remove(removed.UserId, channelId);
        foreach (var connectionId in affected)
        {
            await LeaveAsync(connectionId, channelId);
            await hub.Clients.Client(connectionId).ChannelClosed(channelId, "You are no longer a member of this group.");
        }
    }

    /// <summary>What the member's own topic carries that hub clients act on; the rest (notifications, mentions) is for circuits.</summary>
    private Task OnMemberEventAsync(string userId, object message) => message switch
    {
        AccountSuspended => ExpelAsync(userId),
        ChatReadState state => SendToMemberAsync(userId, state),
        _ => Task.CompletedTask,
    };

    /// <remarks>
    /// One connection at a time, not <c>Clients.User</c> or <c>Clients.Clients</c>: the default lifetime manager serves
    /// both by walking every open connection of the hub and comparing it with the names it was given. Every send moves
    /// its sender's read position, so at 6,000 connections that walk ran some 500 times a second: ChatHub carried 14% of
    /// the echo hub's deliveries in the full-size benchmark, with the app's core mostly waiting. A member has a few
    /// connections, and the relay knows them.
    /// </remarks>
    private Task SendToMemberAsync(string userId, ChatReadState state) =>
        Task.WhenAll(ConnectionsOf(userId).Select(id => hub.Clients.Client(id).ReadStateChanged(state)));

    private string[] ConnectionsOf(string userId)
    {
        lock (gate)
        {
            return members.TryGetValue(userId, out var member) ? [.. member.ConnectionIds] : [];
        }
    }

    private async Task OnPresenceAsync(MemberPresence presence)
    {
        // Only channels the member belongs to hear of them, so presence never reveals membership elsewhere.
        var theirs = await memberChannels.GetAsync(presence.UserId);
        List<Guid> audience;
        lock (gate)
        {
            audience = [.. theirs.Where(channels.ContainsKey)];
            if (presence.State == PresenceState.Offline && !members.ContainsKey(presence.UserId))
            {
                memberChannels.Forget(presence.UserId);
            }
        }

        foreach (var channelId in audience)
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

    private sealed record Connection(HubCallerContext Context, string UserId)
    {
        public HashSet<Guid> Channels { get; } = [];
    }

    private sealed class Member(IDisposable subscription)
    {
        public IDisposable Subscription { get; } = subscription;

        public List<string> ConnectionIds { get; } = [];
    }

    private sealed record Channel(Guid? GroupId, IDisposable[] Subscriptions)
    {
        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
    }
}
