namespace CollabHub.Web.Features.Chat;

/// <summary>The answer to joining a channel: where it stands now, and who of its members is online.</summary>
public sealed record ChannelJoined(Guid ChannelId, long LastSeq, long LastReadSeq, IReadOnlyList<MemberPresence> Online);
