namespace CollabHub.Web.Features.Discussions;

/// <summary>A thread in its group's list, with the viewer's unread count (0 when muted or read).</summary>
public sealed record ThreadListItem(
    Guid Id,
    string Title,
    PostAuthor Author,
    DateTimeOffset LastActivityAt,
    int ReplyCount,
    bool IsPinned,
    bool IsLocked,
    bool IsNew,
    int UnreadCount,
    int? FirstUnreadNumber,
    SubscriptionLevel? Subscription);
