namespace CollabHub.Web.Features.Groups;

/// <summary>How an action in a group ended, with one sentence for the person who asked.</summary>
public enum GroupOutcomeKind
{
    Done,

    /// <summary>A rule said no (or the page was stale); nothing changed.</summary>
    Refused,

    /// <summary>No such group for this viewer: the page answers the site's 404, revealing nothing.</summary>
    NotFound,
}

/// <summary>The result of a group action, for the endpoint or page to report.</summary>
public sealed record GroupOutcome(GroupOutcomeKind Kind, string Message)
{
    public static readonly GroupOutcome NotFound = new(GroupOutcomeKind.NotFound, "");

    public bool Succeeded => Kind == GroupOutcomeKind.Done;

    public static GroupOutcome Done(string message) => new(GroupOutcomeKind.Done, message);

    public static GroupOutcome Refused(string message) => new(GroupOutcomeKind.Refused, message);
}
