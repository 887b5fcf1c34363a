using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;

namespace CollabHub.Web.Features.Events;

/// <summary>Who is looking at events: the group viewer plus the site moderator role, which organises every event.</summary>
public sealed record EventViewer(string? UserId, bool IsAdministrator, bool IsSiteModerator)
{
    public static EventViewer Anonymous { get; } = new(null, false, false);

    public bool IsSignedIn => UserId is not null;

    /// <summary>Site moderators and administrators organise site-wide events and may step in on any event.</summary>
    public bool IsSiteOrganiser => IsAdministrator || IsSiteModerator;

    public GroupViewer Group => new(UserId, IsAdministrator);

    public static EventViewer From(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new EventViewer(id, principal.IsInRole(SiteRoles.Administrator), principal.IsInRole(SiteRoles.Moderator))
            : Anonymous;
}
