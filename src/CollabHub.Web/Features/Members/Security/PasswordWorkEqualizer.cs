using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Members.Security;

/// <summary>
/// Spends the time of one password check when there is no account to check against, so how long sign-in and
/// register take reveals nothing about which addresses have accounts.
/// </summary>
public sealed class PasswordWorkEqualizer(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new();

    private readonly Lazy<string> decoyHash = new(() => hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public void SpendPasswordCheck(string? password) =>
        hasher.VerifyHashedPassword(Nobody, decoyHash.Value, password ?? "");
}
