namespace CollabHub.Web.Features.Library;

/// <summary>The answer to a moderator's or member's action: done or refused with one readable sentence; NotFound hides the resource.</summary>
public sealed record LibraryOutcome(bool Succeeded, bool NotFound, string Message)
{
    public static LibraryOutcome Done(string message) => new(true, false, message);

    public static LibraryOutcome Refused(string message) => new(false, false, message);

    public static LibraryOutcome Missing { get; } = new(false, true, "");
}
