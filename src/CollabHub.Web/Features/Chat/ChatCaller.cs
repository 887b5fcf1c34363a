using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Who calls a chat operation, from their sign-in: the account, whether they administer the site, and the security
/// stamp their sign-in carries (checked against the account on every call, so a suspension or "sign out everywhere"
/// ends chat access at once).
/// </summary>
public sealed record ChatCaller(string UserId, bool IsAdministrator, string? SecurityStamp)
{
    private static readonly string StampClaimType = new ClaimsIdentityOptions().SecurityStampClaimType;

    public GroupViewer Viewer => new(UserId, IsAdministrator);

    /// <summary>The caller behind a signed-in principal; refused for anyone not signed in.</summary>
    public static ChatCaller From(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new ChatCaller(id, principal.IsInRole(SiteRoles.Administrator), principal.FindFirstValue(StampClaimType))
            : throw new ChatRefusedException("Sign in to use chat.") { EndsSession = true };
}
