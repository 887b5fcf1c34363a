using CollabHub.Web.Features.Groups;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// What one viewer may do with one event. An event without a group is the site's; a group's event follows the
/// group: a public group's events are announced to everyone, a private or hidden group's only to its members.
/// </summary>
public sealed record EventAccess(Event Event, EventViewer Viewer, GroupAccess? Group)
{
    /// <summary>Creator, the group's moderators, site moderators and administrators.</summary>
    public bool CanOrganise => Viewer.IsSignedIn
        && (Event.CreatedById == Viewer.UserId || Viewer.IsSiteOrganiser || Group?.CanModerate == true);

    /// <summary>May learn the event exists and read its page; drafts only for organisers.</summary>
    public bool CanSee => (Event.Status != EventStatus.Draft || CanOrganise) && GroupAllows;

    /// <summary>May register: signed in, and for a group's event allowed to read the group (not banned from it).</summary>
    public bool CanTakePart => Viewer.IsSignedIn && CanSee && (Group is null || Group.CanRead);

    private bool GroupAllows => Group is null
        || Group.Group.Visibility == GroupVisibility.Public
        || Group.IsMember
        || Viewer.IsAdministrator;
}
