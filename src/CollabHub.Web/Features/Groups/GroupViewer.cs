using System.Security.Claims;
using CollabHub.Web.Features.Members;

namespace CollabHub.Web.Features.Groups;

/// <summary>Who is looking at groups: resolved once from the principal, then passed to every access decision.</summary>
public sealed record GroupViewer(string? UserId, bool IsAdministrator)
{
    public static GroupViewer Anonymous { get; } = new(null, false);

    public bool IsSignedIn => UserId is not null;

    public static GroupViewer From(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new GroupViewer(id, principal.IsInRole(SiteRoles.Administrator))
            : Anonymous;
}
