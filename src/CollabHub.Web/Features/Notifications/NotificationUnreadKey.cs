namespace CollabHub.Web.Features.Notifications;

/// <summary>One unread item as the bell counts it: all unread notifications of one kind about one subject.</summary>
/// <remarks>Set through properties: EF counts DISTINCT over a member-initialised projection, not a constructor call.</remarks>
public sealed record NotificationUnreadKey
{
    public NotificationKind Kind { get; init; }

    public string Subject { get; init; } = "";
}
