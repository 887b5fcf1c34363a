namespace CollabHub.Web.Features.Events;

/// <summary>One registration on the organisers' attendee list and in its CSV export.</summary>
public sealed record AttendeeRow(
    Guid RegistrationId,
    string UserId,
    string DisplayName,
    string Email,
    RegistrationStatus Status,
    int? WaitlistPosition,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? CheckedInAt);
