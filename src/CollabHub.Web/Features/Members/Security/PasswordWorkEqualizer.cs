using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Members.Security;

/// <summary>
/// Spends the time of one password check when there is no account to check against, so how long sign-in and
/// register take reveals nothing about which addresses have accounts.
/// </summary>
/// <remarks>Scoped, as Identity's hasher is; the decoy hash is made once per process, since hashing is the slow part.</remarks>
public sealed class PasswordWorkEqualizer(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new();
    private static string? decoyHash;

    public void SpendPasswordCheck(string? password)
    {
        var decoy = decoyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, decoy, password ?? "");
    }
}
