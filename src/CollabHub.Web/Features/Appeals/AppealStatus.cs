namespace CollabHub.Web.Features.Appeals;

/// <summary>An appeal's life: prepared as a draft, open for endorsements, then closed for good.</summary>
public enum AppealStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
}
