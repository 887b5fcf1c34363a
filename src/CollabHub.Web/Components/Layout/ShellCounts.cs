namespace CollabHub.Web.Components.Layout;

/// <summary>
/// The numbers every signed-in page's header shows (unread notifications, unread direct messages, submissions to
/// review), and the member's time zone (<see cref="TimeZoneId"/>, null when they set none), which a page's dated parts
/// need and which costs nothing more in the same statement.
/// </summary>
public sealed record ShellCounts(int UnreadNotifications, long UnreadDirectMessages, int PendingReviews, string? TimeZoneId = null)
{
    public static ShellCounts None { get; } = new(0, 0, 0);
}
