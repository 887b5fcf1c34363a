using System.Security.Claims;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>The service layer's own check that a caller is a signed-in member, whatever the page already checked.</summary>
internal static class MemberPrincipal
{
    public static string RequireUserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? id
            : throw new UnauthorizedAccessException("Only signed-in members can see or change member profiles.");
}
