namespace CollabHub.Web.Features.Home;

/// <summary>What waits for a moderator in one group: join requests to answer and flagged posts to review.</summary>
public sealed record HomePendingWork(string GroupSlug, string GroupName, int JoinRequests, int OpenFlags);
