using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Members;

/// <summary>A CollabHub member account. Profile fields arrive with the Membership feature.</summary>
public class ApplicationUser : IdentityUser
{
    public const int SuspensionReasonMaxLength = 500;

    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an administrator suspended the account; null while it is in good standing.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>Why it was suspended, shown to administrators; set exactly when <see cref="SuspendedAt"/> is.</summary>
    public string? SuspensionReason { get; set; }

    /// <summary>The last time the member signed in (any method), for administrators.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}
