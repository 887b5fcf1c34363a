namespace CollabHub.Web.Features.Chat;

/// <summary>One of a member's channels in a list, with how many messages they have not read.</summary>
public sealed record ChatChannelSummary(Guid ChannelId, Guid? GroupId, string? GroupSlug, string Title, string? OtherUserId, long Unread, DateTimeOffset? LastMessageAt, long LastSeq = 0);
