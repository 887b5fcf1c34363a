using System.Security.Claims;

namespace CollabHub.Web.Features.Members;

/// <summary>Claims CollabHub adds to a member's sign-in, so every page can greet them without a database read.</summary>
public static class MemberClaims
{
    public const string DisplayName = "collabhub:display_name";

    /// <summary>The member's display name, falling back to the sign-in name for sessions made before the claim existed.</summary>
    public static string? DisplayNameOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : principal.Identity?.Name;
}
