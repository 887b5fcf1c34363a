using CollabHub.Web.Features.Discussions;
using Microsoft.Extensions.Options;

namespace CollabHub.UnitTests.Discussions;

public sealed class PostingRateLimiterTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly DiscussionOptions options = new()
    {
        PostBurst = 3,
        PostInterval = TimeSpan.FromSeconds(10),
        NewAccountPostBurst = 1,
        NewAccountPostInterval = TimeSpan.FromMinutes(2),
        NewAccountAge = TimeSpan.FromDays(1),
    };

    private DateTimeOffset Established => clock.GetUtcNow().AddDays(-30);

    private PostingRateLimiter Limiter() => new(Options.Create(options), clock);

    [Fact]
    public void TryAcquire_EstablishedMember_GetsTheBurstThenWaitsOneInterval()
    {
        var limiter = Limiter();

        Assert.All(Enumerable.Range(0, 3), i => Assert.True(limiter.TryAcquire("ben", Established, out var _)));
        Assert.False(limiter.TryAcquire("ben", Established, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(10), retryAfter);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.TryAcquire("ben", Established, out _));
    }

    [Fact]
    public void TryAcquire_AccountYoungerThanADay_IsStricter()
    {
        var limiter = Limiter();
        var newAccount = clock.GetUtcNow().AddHours(-2);

        Assert.True(limiter.TryAcquire("newbie", newAccount, out _));
        Assert.False(limiter.TryAcquire("newbie", newAccount, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(2), retryAfter);
    }

    [Fact]
    public void TryAcquire_CountsEachMemberSeparately()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("ben", Established, out _);
        }

        Assert.True(limiter.TryAcquire("amina", Established, out _));
    }

    [Fact]
    public void RetryMessage_SaysWhenToTryAgain()
    {
        Assert.Contains("wait 1 second ", PostingRateLimiter.RetryMessage(TimeSpan.FromMilliseconds(200)));
        Assert.Contains("wait 45 seconds", PostingRateLimiter.RetryMessage(TimeSpan.FromSeconds(44.2)));
        Assert.Contains("wait 2 minutes", PostingRateLimiter.RetryMessage(TimeSpan.FromSeconds(119)));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
