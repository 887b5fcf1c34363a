namespace CollabHub.Web.Features.Events;

/// <summary>
/// A reminder that was queued: its key (registration, kind) makes a second one impossible, and it commits in the same
/// transaction as the mail, so a restart neither loses nor repeats it.
/// </summary>
public class EventReminderSent
{
    public Guid RegistrationId { get; set; }

    public ReminderKind Kind { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
