namespace CollabHub.Web.Features.Notifications;

/// <summary>Published on <c>user:{id}</c> after a member's notifications changed (new ones committed, some read): the bell recounts.</summary>
public sealed record NotificationsChanged(string RecipientId);
