namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// One line on the notifications page or home: a notification, or several unread ones of one kind on one target
/// collapsed into it (<see cref="Count"/> &gt; 1, the latest one's actor and time).
/// </summary>
public sealed record NotificationItem(
    Guid Id,
    NotificationKind Kind,
    string? ActorId,
    string? ActorName,
    string Title,
    string? Excerpt,
    DateTimeOffset CreatedAt,
    bool IsUnread,
    int Count);
