namespace CollabHub.Web.Features.Discussions;

public sealed record FlagQueue(DiscussionGroup Group, IReadOnlyList<FlaggedPost> Posts, TimeZoneInfo TimeZone);
