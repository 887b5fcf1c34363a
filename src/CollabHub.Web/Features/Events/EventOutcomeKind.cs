namespace CollabHub.Web.Features.Events;

public enum EventOutcomeKind
{
    Done,

    /// <summary>A rule said no (or the page was stale); nothing changed.</summary>
    Refused,

    /// <summary>No such event for this viewer: the site's 404, revealing nothing.</summary>
    NotFound,
}
