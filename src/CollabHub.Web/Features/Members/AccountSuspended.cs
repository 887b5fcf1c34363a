namespace CollabHub.Web.Features.Members;

/// <summary>Published on <c>LiveTopics.User(userId)</c> after a suspension committed, so live connections end at once.</summary>
public sealed record AccountSuspended(string UserId);
