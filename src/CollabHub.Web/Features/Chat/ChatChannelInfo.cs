namespace CollabHub.Web.Features.Chat;

/// <summary>
/// A channel as its viewer may use it right now: what to call it, whether they moderate it, where it stands. Loaded
/// afresh for every operation, so a removal or suspension takes effect on the next call. <see cref="GroupSlug"/> is
/// the group's address (for links in notifications), null for a direct conversation.
/// </summary>
public sealed record ChatChannelInfo(
    Guid ChannelId,
    Guid? GroupId,
    string Title,
    string? OtherUserId,
    bool CanModerate,
    long LastSeq,
    long LastReadSeq,
    string? GroupSlug = null);
