namespace CollabHub.Web.Features.Events;

/// <summary>
/// A member's private calendar feed address. Only a SHA-256 hash of the token is kept; making a new one replaces the
/// row, so the old address stops working at once.
/// </summary>
public class CalendarFeed
{
    public string UserId { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token in the URL.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
