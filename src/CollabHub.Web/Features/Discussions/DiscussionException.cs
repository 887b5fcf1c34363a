namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// The one refusal of the discussions feature: its message is written for the member and shown as it is. Whatever
/// raised it, nothing was changed (the operation's transaction rolls back).
/// </summary>
public sealed class DiscussionException(string message) : Exception(message)
{
    /// <summary>For a thread or post the viewer may not see, or that does not exist: the same words for both, so nothing leaks.</summary>
    public static DiscussionException NotAvailable() =>
        new("This discussion is not available to you. You may have left the group or been removed from it.");
}
