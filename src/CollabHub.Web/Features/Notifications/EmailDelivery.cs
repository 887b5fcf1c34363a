namespace CollabHub.Web.Features.Notifications;

/// <summary>How a member wants to hear by e-mail about one kind of notification. Stored by name.</summary>
public enum EmailDelivery
{
    /// <summary>A mail as it happens (committed with the notification).</summary>
    Immediately,

    /// <summary>Gathered into the daily digest at about 08:00 in the member's time zone.</summary>
    Digest,

    /// <summary>In the app only.</summary>
    Off,
}
