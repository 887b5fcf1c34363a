using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// A token bucket per member: a burst of posts, then one more per interval, stricter for accounts younger than a
/// day. In memory, so each instance counts its own posts; a member spread over several instances by a load balancer
/// gets at most that many times the allowance, which still stops a flood.
/// </summary>
public sealed class PostingRateLimiter(IOptions<DiscussionOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private int acquisitionsSincePrune;

    /// <summary>Takes one post from the member's allowance; false with how long until the next one when it is used up.</summary>
    public bool TryAcquire(string userId, DateTimeOffset accountCreatedAt, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var isNew = now - accountCreatedAt < settings.NewAccountAge;
        var (capacity, interval) = isNew
            ? (settings.NewAccountPostBurst, settings.NewAccountPostInterval)
            : (settings.PostBurst, settings.PostInterval);

        PruneNowAndThen(now);
        var bucket = buckets.GetOrAdd(userId, _ => new Bucket(capacity, now));
        lock (bucket)
        {
            bucket.Refill(capacity, interval, now);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = interval * (1 - bucket.Tokens);
            return false;
        }
    }

    /// <summary>A sentence for the member, rounded up to whole seconds or minutes.</summary>
    public static string RetryMessage(TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        var wait = seconds <= 90 ? $"{seconds} second{(seconds == 1 ? "" : "s")}" : $"{(seconds + 59) / 60} minutes";
        return $"You are posting faster than the hub allows. Please wait {wait} and try again; what you wrote is still here.";
    }

    // A full bucket is the same as none, so idle members' buckets are dropped now and then to keep memory flat.
    private void PruneNowAndThen(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref acquisitionsSincePrune) % 1000 != 0)
        {
            return;
        }

        var idle = now - TimeSpan.FromHours(1);
        foreach (var (userId, bucket) in buckets)
        {
            if (bucket.UpdatedAt < idle)
            {
                buckets.TryRemove(new KeyValuePair<string, Bucket>(userId, bucket));
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset updatedAt)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset UpdatedAt { get; private set; } = updatedAt;

        public void Refill(int capacity, TimeSpan interval, DateTimeOffset now)
        {
            var elapsed = now - UpdatedAt;
            if (elapsed > TimeSpan.Zero)
            {
                Tokens = Math.Min(capacity, Tokens + (elapsed / interval));
                UpdatedAt = now;
            }
        }
    }
}
