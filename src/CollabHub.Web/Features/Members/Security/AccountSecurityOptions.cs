using System.ComponentModel.DataAnnotations;

namespace CollabHub.Web.Features.Members.Security;

/// <summary>Bound from <c>Members:Security</c>. The defaults are the production values; tests shorten them.</summary>
public sealed class AccountSecurityOptions
{
    public const string Section = "Members:Security";

    /// <summary>
    /// How often live circuits and sign-in cookies re-check the account's security stamp, so a suspension, a password
    /// change or "sign out everywhere" ends other sessions within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in, register and password-reset posts one address may make per <see cref="PerIpWindow"/>.</summary>
    [Range(1, 10_000)]
    public int PerIpPermits { get; set; } = 20;

    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts against one account (any address, existing or not) per <see cref="PerAccountWindow"/>.</summary>
    [Range(1, 1_000)]
    public int PerAccountPermits { get; set; } = 5;

    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed passwords before Identity locks the account, and for how long.</summary>
    [Range(1, 100)]
    public int LockoutAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);
}
