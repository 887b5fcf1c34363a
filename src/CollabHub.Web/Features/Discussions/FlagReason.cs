namespace CollabHub.Web.Features.Discussions;

/// <summary>Why a member flags a post for the group's moderators.</summary>
public enum FlagReason
{
    Spam = 0,
    Abusive = 1,
    OffTopic = 2,

    /// <summary>Anything else; the member says what in the details.</summary>
    Other = 3,
}
