namespace CollabHub.Web.Features.Events;

/// <summary>One event in a listing, with where the viewer stands (null when not registered).</summary>
public sealed record EventSummary(
    Guid Id,
    string Slug,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZoneId,
    EventFormat Format,
    EventStatus Status,
    int? Capacity,
    int ConfirmedCount,
    int WaitlistCount,
    bool IsSeries,
    string? GroupName,
    string? GroupSlug,
    IReadOnlyList<string> Topics,
    RegistrationStatus? MyStatus);
