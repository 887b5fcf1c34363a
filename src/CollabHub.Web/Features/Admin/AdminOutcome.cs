namespace CollabHub.Web.Features.Admin;

/// <summary>The result of an administrative action: done, or refused, with one sentence to show the administrator.</summary>
public sealed record AdminOutcome(bool Succeeded, string Message)
{
    public static AdminOutcome Done(string message) => new(true, message);

    public static AdminOutcome Refused(string message) => new(false, message);
}
