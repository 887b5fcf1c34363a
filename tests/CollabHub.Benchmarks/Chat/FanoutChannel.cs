using Microsoft.AspNetCore.SignalR.Client;

namespace CollabHub.Benchmarks.Chat;

/// <summary>One channel under load: its connections (every one a receiver), and the key a sender names it by.</summary>
public sealed class FanoutChannel(Guid groupId, string echoGroup, IReadOnlyList<HubConnection> connections)
{
    private int nextSender;

    public Guid GroupId { get; } = groupId;

    /// <summary>The chat's channel of the group, known once a member joined it.</summary>
    public Guid ChannelId { get; set; }

    /// <summary>The echo hub's group name.</summary>
    public string EchoGroup { get; } = echoGroup;

    public IReadOnlyList<HubConnection> Connections { get; } = connections;

    /// <summary>Senders take turns, so no member runs into the flood limit.</summary>
    public HubConnection NextSender() => Connections[(int)((uint)Interlocked.Increment(ref nextSender) % (uint)Connections.Count)];
}
