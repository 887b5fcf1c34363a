namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// That a member's digest for one local date went out. Its key (member, local date) makes "one digest a day" hold
/// across restarts and instances: the row commits with the queued mail, and a second attempt fails on the key.
/// </summary>
public sealed class NotificationDigest
{
    public required string UserId { get; init; }

    public DateOnly LocalDate { get; init; }

    /// <summary>The digest covers notifications created before this instant (08:00 local on <see cref="LocalDate"/>).</summary>
    public DateTimeOffset CoveredUntil { get; init; }

    public int NotificationCount { get; init; }

    public DateTimeOffset SentAt { get; init; }
}
