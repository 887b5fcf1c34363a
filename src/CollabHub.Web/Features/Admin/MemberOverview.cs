namespace CollabHub.Web.Features.Admin;

/// <summary>The counts on the administration home page.</summary>
public sealed record MemberOverview(int Members, int Unconfirmed, int Suspended, int Administrators);
