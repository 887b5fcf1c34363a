namespace CollabHub.Web.Features.Discussions;

public sealed record ThreadSearchResults(
    DiscussionGroup Group,
    string Query,
    IReadOnlyList<ThreadSearchHit> Hits,
    int PageNumber,
    int PageCount,
    int TotalCount,
    TimeZoneInfo TimeZone);
