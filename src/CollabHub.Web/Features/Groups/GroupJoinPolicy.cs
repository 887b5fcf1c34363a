namespace CollabHub.Web.Features.Groups;

public enum GroupJoinPolicy
{
    /// <summary>Any member who can see the group joins with one click.</summary>
    Open = 0,

    /// <summary>Members ask with a message; group moderators approve or decline.</summary>
    Request = 1,

    /// <summary>Only people invited by the group's moderators can join.</summary>
    Invitation = 2,
}
