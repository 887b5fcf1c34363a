namespace CollabHub.Web.Features.Discussions;

/// <summary>A member's report of a post to the group's moderators, and what they decided.</summary>
public class DiscussionFlag
{
    private DiscussionFlag()
    {
    }

    public Guid Id { get; private set; }

    public Guid PostId { get; private set; }

    /// <summary>Null once the flagger's account is deleted; the flag still counts for the review.</summary>
    public string? FlaggerId { get; private set; }

    public FlagReason Reason { get; private set; }

    public string Details { get; private set; } = "";

    public FlagStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>A member flags someone else's post that is still visible; "other" needs details.</summary>
    public static DiscussionFlag Raise(DiscussionPost post, string flaggerId, FlagReason reason, string? details, DateTimeOffset now)
    {
        post.EnsureNotRemoved();
        if (post.AuthorId == flaggerId)
        {
            throw new DiscussionException("You can't flag your own post; edit or delete it instead.");
        }

        if (!Enum.IsDefined(reason))
        {
            throw new DiscussionException("Choose why you are flagging this post.");
        }

        var trimmed = (details ?? "").Trim();
        if (trimmed.Length > DiscussionRules.FlagDetailsMaxLength)
        {
            throw new DiscussionException($"Keep the details within {DiscussionRules.FlagDetailsMaxLength} characters.");
        }

        if (reason == FlagReason.Other && trimmed.Length == 0)
        {
            throw new DiscussionException("Tell the moderators what is wrong with this post.");
        }

        return new DiscussionFlag
        {
            Id = Guid.CreateVersion7(now),
            PostId = post.Id,
            FlaggerId = flaggerId,
            Reason = reason,
            Details = trimmed,
            Status = FlagStatus.Open,
            CreatedAt = now,
        };
    }

    /// <summary>The moderator hid the post.</summary>
    public void Uphold(string moderatorId, DateTimeOffset now) => Decide(FlagStatus.Upheld, moderatorId, now);

    /// <summary>The moderator kept the post.</summary>
    public void Dismiss(string moderatorId, DateTimeOffset now) => Decide(FlagStatus.Dismissed, moderatorId, now);

    private void Decide(FlagStatus outcome, string moderatorId, DateTimeOffset now)
    {
        if (Status != FlagStatus.Open)
        {
            throw new DiscussionException("Another moderator has already decided on this flag.");
        }

        Status = outcome;
        DecidedById = moderatorId;
        DecidedAt = now;
    }
}
