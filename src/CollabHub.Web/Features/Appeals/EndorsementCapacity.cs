namespace CollabHub.Web.Features.Appeals;

/// <summary>In whose name an endorsement is given.</summary>
public enum EndorsementCapacity
{
    Individual = 0,
    Organisation = 1,
    MemberState = 2,
}
