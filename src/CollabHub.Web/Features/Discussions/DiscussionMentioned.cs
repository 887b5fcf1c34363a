namespace CollabHub.Web.Features.Discussions;

/// <summary>Published to <c>user:{id}</c> when a post newly mentions that member (for a live notification bell).</summary>
public sealed record DiscussionMentioned(string UserId, Guid GroupId, Guid ThreadId, Guid PostId, int PostNumber);
