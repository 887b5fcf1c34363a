using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Members.Security;

/// <summary>
/// Limits attempts per account, whether or not the account exists, so the limit itself reveals nothing.
/// The per-IP limit lives in the rate-limiting middleware; this one needs the posted e-mail, which only the page has.
/// </summary>
public sealed class AccountAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public AccountAttemptLimiter(IOptions<AccountSecurityOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PerAccountPermits,
                Window = settings.PerAccountWindow,
                QueueLimit = 0,
            }));
    }

    /// <summary>Takes one attempt of <paramref name="action"/> for the address; false when the account is over its limit.</summary>
    public bool TryAcquire(string action, string? email)
    {
        var key = $"{action}|{(email ?? "").Trim().ToUpperInvariant()}";
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
