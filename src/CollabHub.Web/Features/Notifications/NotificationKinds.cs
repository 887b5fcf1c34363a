namespace CollabHub.Web.Features.Notifications;

/// <summary>What each kind means for e-mail and how it reads. Every switch is exhaustive, so a new kind must say.</summary>
public static class NotificationKinds
{
    /// <summary>The e-mail choice a member has before changing anything.</summary>
    public static EmailDelivery DefaultDelivery(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention or NotificationKind.Reply or NotificationKind.JoinApproved or NotificationKind.JoinDeclined
            or NotificationKind.Invitation or NotificationKind.ResourceApproved or NotificationKind.ResourceChangesRequested
            or NotificationKind.ResourceRejected or NotificationKind.DirectMessage => EmailDelivery.Immediately,
        NotificationKind.NewThread or NotificationKind.JoinRequest or NotificationKind.ResourceSubmitted => EmailDelivery.Digest,
        NotificationKind.EventConfirmed or NotificationKind.EventWaitlisted or NotificationKind.EventPromoted
            or NotificationKind.EventChanged or NotificationKind.EventCancelled or NotificationKind.EventReminder => EmailDelivery.Immediately,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Kinds whose feature sends its own mail in the same transaction, so the notifier must not mail again: events
    /// (the mail carries the calendar invitation), join decisions and invitations (groups' mails, the invitation
    /// carrying its one-time link). They are in-app notifications here and fixed on the preferences page.
    /// </summary>
    public static bool IsMailedByItsFeature(NotificationKind kind) => kind switch
    {
        NotificationKind.JoinApproved or NotificationKind.JoinDeclined or NotificationKind.Invitation => true,
        NotificationKind.EventConfirmed or NotificationKind.EventWaitlisted or NotificationKind.EventPromoted
            or NotificationKind.EventChanged or NotificationKind.EventCancelled or NotificationKind.EventReminder => true,
        NotificationKind.Mention or NotificationKind.Reply or NotificationKind.NewThread or NotificationKind.JoinRequest
            or NotificationKind.ResourceApproved or NotificationKind.ResourceChangesRequested or NotificationKind.ResourceRejected
            or NotificationKind.ResourceSubmitted or NotificationKind.DirectMessage => false,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The member's choice, or the default; kinds mailed by their feature are never mailed here.</summary>
    public static EmailDelivery Effective(NotificationKind kind, EmailDelivery? chosen) =>
        IsMailedByItsFeature(kind) ? EmailDelivery.Off : chosen ?? DefaultDelivery(kind);

    /// <summary>The kind's name on the preferences page (an English key for the localizer).</summary>
    public static string Label(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention => "Someone mentions me",
        NotificationKind.Reply => "Replies to my threads and posts, and in threads I follow",
        NotificationKind.NewThread => "New threads in groups I follow",
        NotificationKind.JoinRequest => "Requests to join a group I moderate",
        NotificationKind.JoinApproved => "My request to join was approved",
        NotificationKind.JoinDeclined => "My request to join was declined",
        NotificationKind.Invitation => "I am invited to a group",
        NotificationKind.ResourceApproved => "A resource I submitted was approved",
        NotificationKind.ResourceChangesRequested => "Changes were requested to a resource I submitted",
        NotificationKind.ResourceRejected => "A resource I submitted was rejected",
        NotificationKind.ResourceSubmitted => "A resource awaits my review",
        NotificationKind.EventConfirmed => "My event registration is confirmed",
        NotificationKind.EventWaitlisted => "I am on an event's waitlist",
        NotificationKind.EventPromoted => "I moved from the waitlist to confirmed",
        NotificationKind.EventChanged => "An event I registered for changed",
        NotificationKind.EventCancelled => "An event I registered for was cancelled",
        NotificationKind.EventReminder => "An event I registered for starts soon",
        NotificationKind.DirectMessage => "Direct messages while I am offline",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// What happened, as a template: {0} the actor's name, {1} the target's title, {2} how many collapsed into one.
    /// English keys for the localizer; mail formats them with the invariant culture.
    /// </summary>
    public static string Template(NotificationKind kind, bool collapsed) => (kind, collapsed) switch
    {
        (NotificationKind.Mention, false) => "{0} mentioned you in {1}",
        (NotificationKind.Mention, true) => "{2} new mentions of you in {1}, latest by {0}",
        (NotificationKind.Reply, false) => "{0} replied in {1}",
        (NotificationKind.Reply, true) => "{2} new replies in {1}, latest by {0}",
        (NotificationKind.NewThread, false) => "{0} started a new thread: {1}",
        (NotificationKind.NewThread, true) => "{2} new threads in your groups, the latest by {0}: {1}",
        (NotificationKind.JoinRequest, false) => "{0} asked to join {1}",
        (NotificationKind.JoinRequest, true) => "{2} new requests to join {1}, latest from {0}",
        (NotificationKind.JoinApproved, _) => "{0} approved your request to join {1}",
        (NotificationKind.JoinDeclined, _) => "Your request to join {1} was declined",
        (NotificationKind.Invitation, _) => "{0} invited you to join {1}",
        (NotificationKind.ResourceApproved, _) => "{0} approved your resource {1}",
        (NotificationKind.ResourceChangesRequested, _) => "{0} asked for changes to your resource {1}",
        (NotificationKind.ResourceRejected, _) => "{0} rejected your resource {1}",
        (NotificationKind.ResourceSubmitted, false) => "{0} submitted {1} for review",
        (NotificationKind.ResourceSubmitted, true) => "{2} new submissions await review in {1}, latest from {0}",
        (NotificationKind.EventConfirmed, _) => "Your registration for {1} is confirmed",
        (NotificationKind.EventWaitlisted, _) => "You are on the waitlist for {1}",
        (NotificationKind.EventPromoted, _) => "A seat freed up: you are now registered for {1}",
        (NotificationKind.EventChanged, _) => "{1} has changed",
        (NotificationKind.EventCancelled, _) => "{1} was cancelled",
        (NotificationKind.EventReminder, _) => "{1} starts soon",
        (NotificationKind.DirectMessage, false) => "{0} sent you a message",
        (NotificationKind.DirectMessage, true) => "{2} new messages from {0}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The preferences page's sections, in order.</summary>
    public static IReadOnlyList<(string Heading, NotificationKind[] Kinds)> Sections { get; } =
    [
        ("Discussions", [NotificationKind.Mention, NotificationKind.Reply, NotificationKind.NewThread]),
        ("Groups", [NotificationKind.JoinRequest, NotificationKind.JoinApproved, NotificationKind.JoinDeclined, NotificationKind.Invitation]),
        ("Library", [NotificationKind.ResourceApproved, NotificationKind.ResourceChangesRequested, NotificationKind.ResourceRejected, NotificationKind.ResourceSubmitted]),
        ("Events", [NotificationKind.EventConfirmed, NotificationKind.EventWaitlisted, NotificationKind.EventPromoted, NotificationKind.EventChanged, NotificationKind.EventCancelled, NotificationKind.EventReminder]),
        ("Chat", [NotificationKind.DirectMessage]),
    ];
}
