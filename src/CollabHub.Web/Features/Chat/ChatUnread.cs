namespace CollabHub.Web.Features.Chat;

/// <summary>Where the member stands in one of their channels: what they have read and the channel's latest message.</summary>
public sealed record ChatUnread(Guid ChannelId, Guid? GroupId, long ReadSeq, long LastSeq);
