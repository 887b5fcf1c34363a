namespace CollabHub.Web.Features.Notifications;

/// <summary>One of the member's groups on the preferences page.</summary>
public sealed record GroupFollowSetting(Guid GroupId, string Name, bool Follows);
