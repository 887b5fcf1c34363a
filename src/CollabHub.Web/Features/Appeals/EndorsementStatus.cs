namespace CollabHub.Web.Features.Appeals;

/// <summary>Only confirmed endorsements count or show; pending ones wait for an e-mail link or a moderator.</summary>
public enum EndorsementStatus
{
    Pending = 0,
    Confirmed = 1,
}
