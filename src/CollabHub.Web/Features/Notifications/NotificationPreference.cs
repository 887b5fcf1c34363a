namespace CollabHub.Web.Features.Notifications;

/// <summary>A member's e-mail choice for one kind; without a row the kind's default applies (<see cref="NotificationKinds.DefaultDelivery"/>).</summary>
public sealed class NotificationPreference
{
    public required string UserId { get; init; }

    public NotificationKind Kind { get; init; }

    public EmailDelivery Delivery { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
