namespace CollabHub.Web.Features.Events;

/// <summary>A page of events, the groups to filter by, and the zone the viewer reads times in.</summary>
public sealed record EventListResult(
    IReadOnlyList<EventSummary> Items,
    int Page,
    int PageCount,
    int Total,
    IReadOnlyList<(string Slug, string Name)> Groups,
    TimeZoneInfo ViewerZone);
