using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Appeals;

/// <summary>
/// Limits confirmation mails per address, whether or not it has endorsed, so nobody can use the form to flood an
/// inbox and the limit reveals nothing. The per-IP limit is the rate-limiting middleware's (see <see cref="AppealsFeature"/>).
/// </summary>
public sealed class VisitorAttemptLimiter : IDisposable
{
    public const string RetryMessage = "Too many endorsement requests for this address. Please try again later.";

    private readonly PartitionedRateLimiter<string> limiter;

    public VisitorAttemptLimiter(IOptions<AppealOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PerAddressPermits, Window = settings.PerAddressWindow, QueueLimit = 0 }));
    }

    public bool TryAcquire(string email)
    {
        using var lease = limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
