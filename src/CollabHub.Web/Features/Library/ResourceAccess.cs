using CollabHub.Web.Features.Groups;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// What one viewer may do with one resource. A group resource follows its group (<see cref="GroupAccess"/>): only
/// those who may read the group see it, and the group's moderators curate it; site-wide ones are curated by site
/// moderators. Anything not yet published is seen only by its submitter and its curators.
/// </summary>
public sealed record ResourceAccess(Resource Resource, LibraryViewer Viewer, GroupAccess? Group)
{
    public bool IsSubmitter => Viewer.UserId is { } id && Resource.SubmitterId == id;

    public bool CanReadScope => Resource.GroupId is null || Group is { CanRead: true };

    public bool CanCurate => Resource.GroupId is null ? Viewer.CuratesSiteLibrary : Group is { CanModerate: true };

    public bool CanView => CanReadScope
        && (Resource.Status is ResourceStatus.Approved or ResourceStatus.Archived || IsSubmitter || CanCurate);

    /// <summary>The submitter while the submission is open; curators always.</summary>
    public bool CanEdit => CanReadScope
        && (CanCurate || (IsSubmitter && Resource.Status is ResourceStatus.Pending or ResourceStatus.ChangesRequested));
}
