namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Who is connected, counted per connection (a hub connection or an open chat circuit), so closing a second tab does
/// not mark anyone offline. In memory for one instance; a Redis store replaces it for scale-out. Each method returns
/// the member's new presence when it changed, for the caller to publish, or null.
/// </summary>
public interface IPresenceStore
{
    MemberPresence? Connect(string userId, string connectionId, DateTimeOffset now);

    MemberPresence? Disconnect(string userId, string connectionId, DateTimeOffset now);

    /// <summary>The member did something (sent, typed, read): idle becomes online again.</summary>
    MemberPresence? Touch(string userId, DateTimeOffset now);

    /// <summary>Online members without activity since <paramref name="idleSince"/> become idle; returns those who did.</summary>
    IReadOnlyList<MemberPresence> MarkIdle(DateTimeOffset idleSince);

    MemberPresence Get(string userId);

    /// <summary>Everyone connected now, online or idle.</summary>
    IReadOnlyList<string> Connected();
}
