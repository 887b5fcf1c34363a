namespace CollabHub.Web.Features.Events;

/// <summary>Who a capacity change moved: confirmed from the waitlist, and (only by the organiser's choice) back to it.</summary>
public sealed record CapacityChange(IReadOnlyList<EventRegistration> Promoted, IReadOnlyList<EventRegistration> MovedToWaitlist);
