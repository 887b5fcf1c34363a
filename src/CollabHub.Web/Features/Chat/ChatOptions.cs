namespace CollabHub.Web.Features.Chat;

/// <summary>Chat limits and timings, section <c>Chat</c>; tests shorten the timings.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Messages one member may send to one channel per <see cref="FloodWindow"/>.</summary>
    public int FloodLimit { get; set; } = 10;

    /// <summary>The same for accounts younger than <see cref="NewAccountAge"/>, where most spam comes from.</summary>
    public int NewAccountFloodLimit { get; set; } = 3;

    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan NewAccountAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Without activity (typing, sending, reading) for this long, an online member shows as idle.</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often presence is checked for members who went idle.</summary>
    public TimeSpan IdleSweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a typing indicator shows without being renewed.</summary>
    public TimeSpan TypingDuration { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often the server pings hub clients (SignalR <c>KeepAliveInterval</c>).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A hub client silent this long is dropped (SignalR <c>ClientTimeoutInterval</c>), so an abruptly killed client
    /// goes offline within 40 seconds: 30 s plus one presence publication. Clients ping every 15 s by default.
    /// </summary>
    public TimeSpan ClientTimeoutInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>"Last seen" is stored at most this often per member (see <see cref="LastSeenStore"/>).</summary>
    public TimeSpan LastSeenWriteInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// An open chat tab that follows new messages at the bottom stores its read position at most this often (the latest
    /// wins; jumping or scrolling to the end and closing the tab store it at once). Writing on every message made 100
    /// open tabs write 100 rows and tell 100 circuits per message. Each tab waits this long plus up to half of it again,
    /// at random, so that the tabs following one channel do not all write at the same moment.
    /// </summary>
    public TimeSpan ReadWriteInterval { get; set; } = TimeSpan.FromSeconds(2);
}
