namespace CollabHub.Web.Features.Groups;

public enum GroupVisibility
{
    /// <summary>Anyone signed in can see the group and join it.</summary>
    Public = 0,

    /// <summary>Only members see its content; others ask to join.</summary>
    Private = 1,
}
