namespace CollabHub.Web.Features.Library;

/// <summary>One step in a resource's history. Stored by name.</summary>
public enum ResourceAction
{
    Submitted,
    Edited,
    Resubmitted,
    Approved,
    ChangesRequested,
    Rejected,
    Featured,
    Unfeatured,
    Archived,
    Restored,
}
