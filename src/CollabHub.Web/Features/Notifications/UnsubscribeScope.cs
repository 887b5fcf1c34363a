namespace CollabHub.Web.Features.Notifications;

/// <summary>What one unsubscribe link stops: one kind's mails, or the daily digest (<see cref="Kind"/> null).</summary>
public sealed record UnsubscribeScope(string UserId, NotificationKind? Kind)
{
    public bool IsDigest => Kind is null;
}
