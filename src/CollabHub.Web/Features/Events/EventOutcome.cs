namespace CollabHub.Web.Features.Events;

/// <summary>How an event action ended, with one sentence for the person who asked.</summary>
public sealed record EventOutcome(EventOutcomeKind Kind, string Message)
{
    public static readonly EventOutcome NotFound = new(EventOutcomeKind.NotFound, "");

    public bool Succeeded => Kind == EventOutcomeKind.Done;

    public static EventOutcome Done(string message) => new(EventOutcomeKind.Done, message);

    public static EventOutcome Refused(string message) => new(EventOutcomeKind.Refused, message);
}
