namespace CollabHub.Web.Features.Groups;

public enum GroupJoinRequestStatus
{
    Pending = 0,
    Approved = 1,
    Declined = 2,

    /// <summary>The member took the request back before anyone answered.</summary>
    Withdrawn = 3,
}
