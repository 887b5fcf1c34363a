namespace CollabHub.Web.Features.Notifications;

/// <summary>What the preferences page shows: the effective delivery per kind, and each of the member's groups with whether they follow it.</summary>
public sealed record NotificationSettings(IReadOnlyDictionary<NotificationKind, EmailDelivery> Deliveries, IReadOnlyList<GroupFollowSetting> Groups);
