namespace CollabHub.Web.Features.Admin.Audit;

/// <summary>
/// One line of the administrators' audit log: who did what to whom, and when. Entries are written once, in the
/// same transaction as the change they record, and never changed; the display names are copied so a line still
/// reads correctly after a member renames or deletes their account.
/// </summary>
public sealed class AuditEntry
{
    public const int DisplayMaxLength = 300;
    public const int ActionMaxLength = 64;
    public const int DetailsMaxLength = 2000;

    /// <summary>How the actor column reads for changes made from the command line or by the system.</summary>
    public const string CommandLineActor = "command line";

    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset occurredAt, string? actorUserId, string actorDisplay, string action, string? subjectUserId, string? subjectDisplay, string? details)
    {
        OccurredAt = occurredAt;
        ActorUserId = actorUserId;
        ActorDisplay = Truncate(actorDisplay, DisplayMaxLength) ?? CommandLineActor;
        Action = action;
        SubjectUserId = subjectUserId;
        SubjectDisplay = Truncate(subjectDisplay, DisplayMaxLength);
        Details = Truncate(details, DetailsMaxLength);
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The member who acted; null for the command line or the system.</summary>
    public string? ActorUserId { get; private set; }

    public string ActorDisplay { get; private set; } = "";

    /// <summary>A short code such as <c>member.suspend</c>; see <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    public string? SubjectUserId { get; private set; }

    public string? SubjectDisplay { get; private set; }

    /// <summary>What else an administrator needs to know: the role, the reason, the address mailed.</summary>
    public string? Details { get; private set; }

    private static string? Truncate(string? text, int maxLength) =>
        text is null || text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
