namespace CollabHub.Web.Features.Library;

/// <summary>One line of a resource's history: who did what, when, and why.</summary>
public sealed class ResourceEvent
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; init; }

    public Guid ResourceId { get; init; }

    /// <summary>Null when the actor's account is gone.</summary>
    public string? ActorId { get; init; }

    public ResourceAction Action { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset At { get; init; }
}
