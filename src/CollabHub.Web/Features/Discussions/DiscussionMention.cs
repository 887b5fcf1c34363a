namespace CollabHub.Web.Features.Discussions;

/// <summary>That a post mentions a member of its group (kept in step with edits), for notifications to read.</summary>
public class DiscussionMention(Guid postId, string userId, DateTimeOffset createdAt)
{
    public Guid PostId { get; private set; } = postId;

    public string UserId { get; private set; } = userId;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}
