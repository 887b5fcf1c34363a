namespace CollabHub.Web.Features.Chat;

/// <summary>
/// A message as clients see it (hub, panel, catch-up). <see cref="Body"/> is the Markdown source; a deleted message
/// keeps its place in the sequence with an empty body.
/// </summary>
public sealed record ChatMessageView(
    Guid ChannelId,
    long Seq,
    Guid Id,
    Guid ClientMessageId,
    string? AuthorId,
    string AuthorName,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool IsDeleted);
