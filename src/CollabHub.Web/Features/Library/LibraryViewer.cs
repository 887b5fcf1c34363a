using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;

namespace CollabHub.Web.Features.Library;

/// <summary>Who is looking at the library: resolved once from the principal, then passed to every decision.</summary>
public sealed record LibraryViewer(string? UserId, bool IsAdministrator, bool IsSiteModerator)
{
    public bool IsSignedIn => UserId is not null;

    /// <summary>May curate the site-wide library (site moderators and administrators).</summary>
    public bool CuratesSiteLibrary => IsSiteModerator || IsAdministrator;

    public GroupViewer AsGroupViewer => new(UserId, IsAdministrator);

    public static LibraryViewer From(ClaimsPrincipal? principal)
    {
        var group = GroupViewer.From(principal);
        return new LibraryViewer(group.UserId, group.IsAdministrator, group.IsSignedIn && principal!.IsInRole(SiteRoles.Moderator));
    }
}
