namespace CollabHub.Web.Components.Layout;

/// <summary>The numbers every signed-in page's header shows: unread notifications, unread direct messages, submissions to review.</summary>
public sealed record ShellCounts(int UnreadNotifications, long UnreadDirectMessages, int PendingReviews)
{
    public static ShellCounts None { get; } = new(0, 0, 0);
}
