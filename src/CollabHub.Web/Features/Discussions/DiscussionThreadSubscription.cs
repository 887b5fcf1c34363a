namespace CollabHub.Web.Features.Discussions;

/// <summary>A member following or muting a thread; notifications read this.</summary>
public class DiscussionThreadSubscription(Guid threadId, string userId, SubscriptionLevel level, DateTimeOffset updatedAt)
{
    public Guid ThreadId { get; private set; } = threadId;

    public string UserId { get; private set; } = userId;

    public SubscriptionLevel Level { get; private set; } = level;

    public DateTimeOffset UpdatedAt { get; private set; } = updatedAt;

    public void Change(SubscriptionLevel level, DateTimeOffset now)
    {
        Level = level;
        UpdatedAt = now;
    }
}
