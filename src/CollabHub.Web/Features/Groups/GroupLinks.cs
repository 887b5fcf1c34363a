namespace CollabHub.Web.Features.Groups;

/// <summary>The app-relative addresses of group pages and endpoints, in one place.</summary>
public static class GroupLinks
{
    public const string InvitationsPath = "groups/invitations";

    public static string Page(string slug) => $"groups/{slug}";

    public static string Members(string slug) => $"groups/{slug}/members";

    public static string Settings(string slug) => $"groups/{slug}/settings";

    public static string Action(string slug, string action) => $"groups/{slug}/{action}";

    public static string Invitation(string token) => $"{InvitationsPath}/{Uri.EscapeDataString(token)}";

    /// <summary>The cover's address; the version makes a new upload a new URL for caches.</summary>
    public static string Cover(string slug, Guid version) => $"groups/{slug}/cover?v={version:N}";
}
