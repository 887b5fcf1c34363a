namespace CollabHub.Web.Features.Events;

/// <summary>What organisers enter, already validated (see <see cref="EventForm"/>): times in UTC.</summary>
public sealed record EventDetails(
    string Title,
    string Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZoneId,
    EventFormat Format,
    string? Venue,
    string? JoinUrl,
    int? Capacity,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    IReadOnlyList<string> Topics);
