namespace CollabHub.Web.Features.Events;

/// <summary>Published on the event's live topic after any committed change (seats, status, details).</summary>
public sealed record EventChangedMessage(Guid EventId);
