namespace CollabHub.Web.Features.Discussions;

/// <summary>One member's reaction to one post; a member gives each kind at most once per post.</summary>
public class DiscussionReaction(Guid postId, string userId, string code, DateTimeOffset createdAt)
{
    public Guid PostId { get; private set; } = postId;

    public string UserId { get; private set; } = userId;

    /// <summary>A code from <see cref="Reactions.All"/>.</summary>
    public string Code { get; private set; } = code;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}
