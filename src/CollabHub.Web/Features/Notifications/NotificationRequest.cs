namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// One thing to tell one member. <paramref name="Subject"/> names the target ("thread:{id}", "resource:{id}",
/// "event:{id}", …): unread notifications of one kind on one subject collapse into one ("3 new replies in …").
/// <paramref name="GroupId"/> is the group whose visibility governs the target, if any: the notification is shown only
/// while the recipient may still read that group. <paramref name="Url"/> is site-relative ("/groups/…").
/// </summary>
public sealed record NotificationRequest(
    string RecipientId,
    NotificationKind Kind,
    string? ActorId,
    string Subject,
    string Url,
    string Title,
    string? Excerpt = null,
    Guid? GroupId = null);
