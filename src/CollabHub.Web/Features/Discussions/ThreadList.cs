namespace CollabHub.Web.Features.Discussions;

/// <summary>One page of a group's threads: pinned first, then by last activity.</summary>
public sealed record ThreadList(
    DiscussionGroup Group,
    ViewerRights Viewer,
    IReadOnlyList<ThreadListItem> Threads,
    int PageNumber,
    int PageCount,
    int TotalCount,
    TimeZoneInfo TimeZone);
