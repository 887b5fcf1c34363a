namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// What happened, from the recipient's point of view. Stored by name (see <see cref="NotificationConfiguration"/>), so
/// members may be added anywhere but never renamed. Each kind has its own e-mail preference.
/// </summary>
public enum NotificationKind
{
    /// <summary>Someone mentioned me in a post or chat message.</summary>
    Mention,

    /// <summary>Someone replied to my thread or to a thread I follow.</summary>
    Reply,

    /// <summary>A new thread was started in a group I follow.</summary>
    NewThread,

    /// <summary>Someone asked to join a group I moderate.</summary>
    JoinRequest,

    /// <summary>My request to join a group was approved.</summary>
    JoinApproved,

    /// <summary>My request to join a group was declined.</summary>
    JoinDeclined,

    /// <summary>I was invited to a group.</summary>
    Invitation,

    /// <summary>A resource I submitted was approved.</summary>
    ResourceApproved,

    /// <summary>A moderator asked for changes to a resource I submitted.</summary>
    ResourceChangesRequested,

    /// <summary>A resource I submitted was rejected.</summary>
    ResourceRejected,

    /// <summary>A resource awaits my review (moderators).</summary>
    ResourceSubmitted,

    /// <summary>My registration for an event is confirmed.</summary>
    EventConfirmed,

    /// <summary>I am on an event's waitlist.</summary>
    EventWaitlisted,

    /// <summary>A seat freed and I moved from the waitlist to confirmed.</summary>
    EventPromoted,

    /// <summary>An event I registered for changed its time or place.</summary>
    EventChanged,

    /// <summary>An event I registered for was cancelled.</summary>
    EventCancelled,

    /// <summary>An event I registered for starts soon.</summary>
    EventReminder,

    /// <summary>Someone sent me a direct chat message while I was offline.</summary>
    DirectMessage,
}
