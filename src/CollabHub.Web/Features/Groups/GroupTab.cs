namespace CollabHub.Web.Features.Groups;

/// <summary>The sections of a group's page; each feature adds its tab to <see cref="GroupTabs"/> when it lands.</summary>
public enum GroupTab
{
    About,
    Discussions,
    Members,
    Chat,

    /// <summary>The group's resources in the library.</summary>
    Library,
    /// <summary>The group's events (see Features/Events).</summary>
    Events,

    /// <summary>The group's description, cover, visibility and join policy: for its owners and moderators.</summary>
    Settings,
}
