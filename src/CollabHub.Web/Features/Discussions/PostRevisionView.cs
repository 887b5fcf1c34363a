namespace CollabHub.Web.Features.Discussions;

/// <summary>An earlier version of a post, newest first, for moderators.</summary>
public sealed record PostRevisionView(int Version, string? Title, string Html, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt);
