using Microsoft.AspNetCore.Authorization;

namespace CollabHub.Web.Features.Members;

/// <summary>
/// The authorization policies for the site roles, registered once by <see cref="MembersFeature"/>. Use them in
/// <c>[Authorize(Policy = Policies.Administrator)]</c>, <c>RequireAuthorization(...)</c> and <c>AuthorizeView</c>.
/// </summary>
public static class Policies
{
    /// <summary>Site administrators only.</summary>
    public const string Administrator = "SiteAdministrator";

    /// <summary>Site moderators, and administrators, who may do whatever a moderator may.</summary>
    public const string Moderator = "SiteModerator";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Administrator, policy => policy.RequireAuthenticatedUser().RequireRole(SiteRoles.Administrator));
        options.AddPolicy(Moderator, policy => policy.RequireAuthenticatedUser().RequireRole(SiteRoles.Moderator, SiteRoles.Administrator));
    }
}
