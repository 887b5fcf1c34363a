using CollabHub.Web.Features.Members;

namespace CollabHub.Web.Features.Admin;

/// <summary>How administration names a member: "Name &lt;address&gt;", or the address alone while they have no display name.</summary>
public static class MemberDisplay
{
    public static string Of(ApplicationUser user)
    {
        var address = user.Email ?? user.UserName ?? user.Id;
        return string.IsNullOrWhiteSpace(user.DisplayName) ? address : $"{user.DisplayName} <{address}>";
    }
}
