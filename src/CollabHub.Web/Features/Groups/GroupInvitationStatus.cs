namespace CollabHub.Web.Features.Groups;

public enum GroupInvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,

    /// <summary>Withdrawn by a moderator, or replaced by a newer invitation to the same address.</summary>
    Revoked = 3,
}
