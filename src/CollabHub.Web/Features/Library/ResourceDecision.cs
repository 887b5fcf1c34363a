namespace CollabHub.Web.Features.Library;

/// <summary>What a moderator does with a resource from the review queue or its page.</summary>
public enum ResourceDecision
{
    Approve,
    RequestChanges,
    Reject,
    Feature,
    Unfeature,
    Archive,
    Restore,
}
