namespace CollabHub.Web.Features.Groups;

/// <summary>Who may start a new group: a site setting administrators choose at <c>/admin/settings</c>.</summary>
public enum GroupCreationPolicy
{
    /// <summary>Every confirmed member in good standing.</summary>
    AllMembers = 0,

    /// <summary>Site moderators and administrators only.</summary>
    ModeratorsOnly = 1,
}
