namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// What discussions tell <see cref="DiscussionNotices"/> about a new post (or an edit's new mentions): enough to
/// decide who hears about it, without notifications reading the discussion entities.
/// </summary>
public sealed record DiscussionPosted(
    Guid GroupId,
    Guid ThreadId,
    string ThreadTitle,
    string? ThreadAuthorId,
    int Number,
    string AuthorId,
    string Markdown,
    string Url,
    IReadOnlyList<string> Mentioned,
    string? ReplyToAuthorId = null);
