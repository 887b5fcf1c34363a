namespace CollabHub.Web.Features.Events;

/// <summary>Where one person stands for one event.</summary>
public enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
}
