namespace CollabHub.Web.Features.Groups;

public enum GroupVisibility
{
    /// <summary>Listed; its content is readable by every signed-in member.</summary>
    Public = 0,

    /// <summary>Listed with name and description only; content for members.</summary>
    Private = 1,

    /// <summary>Not listed anywhere; only members (and invitees) know it exists.</summary>
    Hidden = 2,
}
