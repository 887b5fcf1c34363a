namespace CollabHub.Web.Features.Discussions;

/// <summary>One page of a thread for one viewer.</summary>
public sealed record ThreadPage(
    DiscussionGroup Group,
    Guid ThreadId,
    string Title,
    bool IsPinned,
    bool IsLocked,
    bool IsRemoved,
    ViewerRights Viewer,
    SubscriptionLevel? Subscription,
    int PageNumber,
    int PageCount,
    int PostCount,
    int? FirstUnreadNumber,
    IReadOnlyList<PostView> Posts,
    TimeZoneInfo TimeZone)
{
    /// <summary>The page a post number is on.</summary>
    public static int PageOf(int number) => ((Math.Max(1, number) - 1) / DiscussionRules.PostsPerPage) + 1;

    public static int PageCountFor(int postCount) => PageOf(postCount);

    public bool CanReply => Viewer.CanParticipate && !IsLocked && !IsRemoved;
}
