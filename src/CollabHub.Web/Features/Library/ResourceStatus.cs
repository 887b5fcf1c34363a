namespace CollabHub.Web.Features.Library;

/// <summary>Where a resource stands in curation. Stored by name, so members may be added but never renamed.</summary>
public enum ResourceStatus
{
    /// <summary>Submitted (or resubmitted) and waiting for a moderator.</summary>
    Pending,

    /// <summary>A moderator asked the submitter for changes; the submitter edits and resubmits.</summary>
    ChangesRequested,

    /// <summary>Approved: listed and searchable for everyone who may read its scope.</summary>
    Approved,

    /// <summary>Refused with a reason; kept for the record, seen only by the submitter and moderators.</summary>
    Rejected,

    /// <summary>Once approved, now withdrawn from lists and search; its page still opens for those who may read it.</summary>
    Archived,
}
