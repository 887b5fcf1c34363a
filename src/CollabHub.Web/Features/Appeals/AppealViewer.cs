using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;

namespace CollabHub.Web.Features.Appeals;

/// <summary>Who looks at appeals: the group viewer (for group appeals) plus whether they moderate the site.</summary>
public sealed record AppealViewer(GroupViewer Group, bool IsSiteModerator)
{
    public static AppealViewer Anonymous { get; } = new(GroupViewer.Anonymous, false);

    public string? UserId => Group.UserId;

    public bool IsSignedIn => Group.IsSignedIn;

    public static AppealViewer From(ClaimsPrincipal? principal)
    {
        var group = GroupViewer.From(principal);
        return new AppealViewer(group, group.IsSignedIn
            && (principal!.IsInRole(SiteRoles.Moderator) || principal.IsInRole(SiteRoles.Administrator)));
    }
}
