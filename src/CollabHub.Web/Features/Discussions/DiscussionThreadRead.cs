namespace CollabHub.Web.Features.Discussions;

/// <summary>How far a member has read a thread: the highest post number they have had on screen.</summary>
public class DiscussionThreadRead(Guid threadId, string userId)
{
    public Guid ThreadId { get; private set; } = threadId;

    public string UserId { get; private set; } = userId;

    public int LastReadNumber { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Moves forward only: reading an earlier page again does not make later posts unread.</summary>
    public bool Advance(int number, DateTimeOffset now)
    {
        if (number <= LastReadNumber)
        {
            return false;
        }

        LastReadNumber = number;
        UpdatedAt = now;
        return true;
    }
}
