namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Whether a member is here: online while any hub connection or chat circuit of theirs is up and active, idle after
/// <see cref="ChatOptions.IdleAfter"/> without activity, offline with the time they were last seen. Also the message
/// published on <c>LiveTopics.Presence</c> when it changes.
/// </summary>
public sealed record MemberPresence(string UserId, PresenceState State, DateTimeOffset? LastSeenAt);
