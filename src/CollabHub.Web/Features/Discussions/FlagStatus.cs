namespace CollabHub.Web.Features.Discussions;

public enum FlagStatus
{
    /// <summary>Waiting in the moderators' review list.</summary>
    Open = 0,

    /// <summary>A moderator agreed and hid the post.</summary>
    Upheld = 1,

    /// <summary>A moderator reviewed the post and kept it.</summary>
    Dismissed = 2,
}
