using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Members;

/// <summary>A CollabHub member account. Profile fields arrive with the Membership feature.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
