namespace CollabHub.Web.Features.Events;

/// <summary>What a registration did: a seat, a place in the queue, or nothing because the person already had one.</summary>
public enum RegistrationChange
{
    Confirmed,
    Waitlisted,
    AlreadyConfirmed,
    AlreadyWaitlisted,
}
