namespace CollabHub.Web.Features.Admin;

/// <summary>Narrows the administrators' member list.</summary>
public enum MemberListFilter
{
    All,
    Unconfirmed,
    Suspended,
    Administrators,
    Moderators,
}
