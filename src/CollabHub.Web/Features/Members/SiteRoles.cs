namespace CollabHub.Web.Features.Members;

/// <summary>The site-wide roles. Group moderators are a group-level role, not one of these.</summary>
public static class SiteRoles
{
    public const string Administrator = "Administrator";
    public const string Moderator = "Moderator";
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> All = [Administrator, Moderator, Member];
}
