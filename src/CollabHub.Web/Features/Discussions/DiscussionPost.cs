namespace CollabHub.Web.Features.Discussions;

/// <summary>One post of a thread: number 1 opens it, the rest reply. Removed posts keep their row and number.</summary>
public class DiscussionPost
{
    private DiscussionPost()
    {
    }

    public Guid Id { get; private set; }

    public Guid ThreadId { get; private set; }

    /// <summary>The post's place in its thread, from 1; unique per thread.</summary>
    public int Number { get; private set; }

    /// <summary>Null once the author's account is deleted: the post stays, by a "former member".</summary>
    public string? AuthorId { get; private set; }

    /// <summary>The post this one answers ("in reply to"), in the same thread.</summary>
    public Guid? ReplyToPostId { get; private set; }

    /// <summary>The current Markdown.</summary>
    public string Body { get; private set; } = "";

    /// <summary>The current version's HTML, rendered and sanitized when it was written.</summary>
    public string BodyHtml { get; private set; } = "";

    /// <summary>1 when written, one more with each edit; earlier versions are in <see cref="DiscussionPostRevision"/>.</summary>
    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public string? HiddenById { get; private set; }

    public string? HiddenReason { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public bool IsHidden => HiddenAt is not null;

    public bool IsRemoved => IsDeleted || IsHidden;

    public bool IsOpening => Number == 1;

    internal static DiscussionPost Create(Guid threadId, int number, string authorId, PostContent content, DiscussionPost? replyTo, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ThreadId = threadId,
        Number = number,
        AuthorId = authorId,
        ReplyToPostId = replyTo?.Id,
        Body = content.Markdown,
        BodyHtml = content.Html,
        Version = 1,
        CreatedAt = now,
    };

    /// <summary>
    /// The author replaces the body; the version it replaces is returned to be kept (moderators can read it), with
    /// <paramref name="previousTitle"/> when the opening post's edit also renamed the thread.
    /// </summary>
    public DiscussionPostRevision Edit(string editorId, PostContent content, DateTimeOffset now, string? previousTitle = null)
    {
        if (IsRemoved)
        {
            throw new DiscussionException("A deleted or hidden post can't be edited.");
        }

        if (editorId != AuthorId)
        {
            throw new DiscussionException("Only its author can edit a post.");
        }

        if (content.Markdown == Body && previousTitle is null)
        {
            throw new DiscussionException("Nothing changed, so there is nothing to save.");
        }

        var revision = new DiscussionPostRevision(Id, Version, previousTitle, Body, BodyHtml, EditedAt ?? CreatedAt, now);
        Body = content.Markdown;
        BodyHtml = content.Html;
        Version++;
        EditedAt = now;
        return revision;
    }

    /// <summary>The author takes the post back. The row stays (numbers, replies and flags keep their place); readers see that it was deleted.</summary>
    public void SoftDelete(string userId, DateTimeOffset now)
    {
        if (userId != AuthorId)
        {
            throw new DiscussionException("Only its author can delete a post.");
        }

        EnsureNotRemoved();
        DeletedAt = now;
    }

    /// <summary>A moderator takes the post out of view; moderators can still read it.</summary>
    public void Hide(string moderatorId, string? reason, DateTimeOffset now)
    {
        EnsureNotRemoved();
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed is { Length: > DiscussionRules.HideReasonMaxLength })
        {
            throw new DiscussionException($"Keep the reason within {DiscussionRules.HideReasonMaxLength} characters.");
        }

        HiddenAt = now;
        HiddenById = moderatorId;
        HiddenReason = trimmed;
    }

    /// <summary>Refuses reactions, flags and removals on a post that is already gone.</summary>
    public void EnsureNotRemoved()
    {
        if (IsDeleted)
        {
            throw new DiscussionException("This post was deleted by its author.");
        }

        if (IsHidden)
        {
            throw new DiscussionException("This post was hidden by a moderator.");
        }
    }
}
