using CollabHub.Web.Features.Groups;

namespace CollabHub.Web.Features.Appeals;

/// <summary>
/// What one viewer may do with one appeal. A group's appeal is group content: only those who may read the group see
/// it, and its moderators manage it. A site appeal is public; site moderators and administrators manage it.
/// </summary>
public sealed record AppealAccess(Appeal Appeal, AppealViewer Viewer, GroupAccess? Group)
{
    public bool CanManage => Group is null ? Viewer.IsSiteModerator : Group.CanModerate;

    /// <summary>Drafts are for their managers; everything else for whoever may read where the appeal lives.</summary>
    public bool CanSee => (Group is null || Group.CanRead) && (Appeal.Status != AppealStatus.Draft || CanManage);

    /// <summary>Visitors without an account may endorse site appeals only (a group's content needs signing in).</summary>
    public bool VisitorsMayEndorse => Group is null;
}
