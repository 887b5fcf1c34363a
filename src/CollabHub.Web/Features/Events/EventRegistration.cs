namespace CollabHub.Web.Features.Events;

/// <summary>
/// One person's registration for one event (one row per person and event: registering again reuses it). The ticket
/// is the arrival order, handed out under the event's row lock, so the waitlist is first come, first served.
/// </summary>
public class EventRegistration
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EventId { get; set; }

    public string UserId { get; set; } = "";

    public RegistrationStatus Status { get; set; }

    /// <summary>Arrival order within the event; a new one each time the person registers again after cancelling.</summary>
    public long Ticket { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }

    public bool IsActive => Status != RegistrationStatus.Cancelled;
}
