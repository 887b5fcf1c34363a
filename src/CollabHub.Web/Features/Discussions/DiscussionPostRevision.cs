namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// A version of a post that an edit replaced, with its HTML as it was rendered then (the cache for that version),
/// and the thread's title at the time when the edit renamed it. Only moderators read these.
/// </summary>
public class DiscussionPostRevision(Guid postId, int version, string? title, string body, string bodyHtml, DateTimeOffset writtenAt, DateTimeOffset replacedAt)
{
    public Guid PostId { get; private set; } = postId;

    public int Version { get; private set; } = version;

    public string? Title { get; private set; } = title;

    public string Body { get; private set; } = body;

    public string BodyHtml { get; private set; } = bodyHtml;

    /// <summary>When this version was written (the post's creation or an earlier edit).</summary>
    public DateTimeOffset WrittenAt { get; private set; } = writtenAt;

    public DateTimeOffset ReplacedAt { get; private set; } = replacedAt;
}
