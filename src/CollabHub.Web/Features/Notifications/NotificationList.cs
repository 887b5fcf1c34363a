namespace CollabHub.Web.Features.Notifications;

/// <summary>A page of a member's notifications, with the time zone their days are grouped in.</summary>
public sealed record NotificationList(IReadOnlyList<NotificationItem> Items, int Page, int TotalPages, int Unread, TimeZoneInfo TimeZone);
