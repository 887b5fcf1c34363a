namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// A conversation in a group: a title and its posts. The opening post (number 1) carries the body, so editing,
/// reactions, flags and revisions work the same for it as for every reply.
/// </summary>
public class DiscussionThread
{
    private DiscussionThread()
    {
    }

    public Guid Id { get; private set; }

    public Guid GroupId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Who started it; null once that account is deleted ("former member").</summary>
    public string? AuthorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last reply (or the start); the list's order after pinned threads.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    /// <summary>The number of the last post; posts are numbered 1, 2, 3... under the thread's row lock.</summary>
    public int PostCount { get; private set; }

    public DateTimeOffset? PinnedAt { get; private set; }

    public DateTimeOffset? LockedAt { get; private set; }

    /// <summary>Set when the opening post was deleted by its author or hidden by a moderator: the thread leaves lists and search.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsPinned => PinnedAt is not null;

    public bool IsLocked => LockedAt is not null;

    public bool IsRemoved => RemovedAt is not null;

    /// <summary>A new thread and its opening post, which carries the body.</summary>
    public static (DiscussionThread Thread, DiscussionPost Opening) Start(Guid groupId, string authorId, string title, PostContent content, DateTimeOffset now)
    {
        var thread = new DiscussionThread
        {
            Id = Guid.CreateVersion7(now),
            GroupId = groupId,
            Title = DiscussionRules.Title(title),
            AuthorId = authorId,
            CreatedAt = now,
            LastActivityAt = now,
            PostCount = 1,
        };
        return (thread, DiscussionPost.Create(thread.Id, 1, authorId, content, replyTo: null, now));
    }

    /// <summary>The next post, numbered after the last one. Refused in a locked or removed thread.</summary>
    public DiscussionPost Reply(string authorId, PostContent content, DiscussionPost? replyTo, DateTimeOffset now)
    {
        EnsureOpen();
        if (replyTo is not null && replyTo.ThreadId != Id)
        {
            throw new DiscussionException("You can only reply to a post of the same thread.");
        }

        PostCount++;
        LastActivityAt = now;
        return DiscussionPost.Create(Id, PostCount, authorId, content, replyTo, now);
    }

    /// <summary>No new replies or edits until a moderator unlocks it.</summary>
    public void Lock(DateTimeOffset now)
    {
        if (IsLocked)
        {
            throw new DiscussionException("This thread is already locked.");
        }

        LockedAt = now;
    }

    public void Unlock()
    {
        if (!IsLocked)
        {
            throw new DiscussionException("This thread is not locked.");
        }

        LockedAt = null;
    }

    /// <summary>Pinned threads head the group's list, most recently pinned first.</summary>
    public void Pin(DateTimeOffset now)
    {
        if (IsPinned)
        {
            throw new DiscussionException("This thread is already pinned.");
        }

        PinnedAt = now;
    }

    public void Unpin()
    {
        if (!IsPinned)
        {
            throw new DiscussionException("This thread is not pinned.");
        }

        PinnedAt = null;
    }

    /// <summary>A new title, given with an edit of the opening post.</summary>
    public void Rename(string title)
    {
        EnsureOpen();
        Title = DiscussionRules.Title(title);
    }

    /// <summary>The opening post was deleted or hidden: the thread goes with it (as a Discourse topic does).</summary>
    public void Remove(DateTimeOffset now) => RemovedAt ??= now;

    /// <summary>Replies and edits are refused once the thread is locked or removed.</summary>
    public void EnsureOpen()
    {
        if (IsRemoved)
        {
            throw new DiscussionException("This thread was removed, so it takes no more replies or edits.");
        }

        if (IsLocked)
        {
            throw new DiscussionException("This thread is locked: a moderator closed it to new replies and edits.");
        }
    }
}
