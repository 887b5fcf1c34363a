using System.Globalization;

namespace CollabHub.Web.Features.Chat;

/// <summary>One message in a channel, numbered without gaps by <see cref="Seq"/> so clients can catch up exactly.</summary>
public class ChatMessage
{
    /// <summary>The longest message, in characters; stated in the composer.</summary>
    public const int BodyMaxLength = 4_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    /// <summary>1, 2, 3… per channel, assigned inside the inserting transaction.</summary>
    public long Seq { get; set; }

    /// <summary>Chosen by the sending client; a retry with the same id returns the stored message instead of a second one.</summary>
    public Guid ClientMessageId { get; set; }

    /// <summary>Null once the author's account is deleted.</summary>
    public string? AuthorId { get; set; }

    /// <summary>Markdown as written; empty once deleted.</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedById { get; set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>The body as it will be stored: trimmed, non-empty and within <see cref="BodyMaxLength"/>.</summary>
    public static string ValidBody(string? body)
    {
        var trimmed = body?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new ChatRefusedException("Write something before sending.");
        }

        if (trimmed.Length > BodyMaxLength)
        {
            throw new ChatRefusedException(string.Create(CultureInfo.InvariantCulture, $"Messages can be at most {BodyMaxLength:N0} characters; this one has {trimmed.Length:N0}."));
        }

        return trimmed;
    }

    /// <summary>Only the author edits, and not after deletion.</summary>
    public void Edit(string editorId, string body, DateTimeOffset now)
    {
        if (IsDeleted)
        {
            throw new ChatRefusedException("That message was deleted.");
        }

        if (AuthorId != editorId)
        {
            throw new ChatRefusedException("You can only edit your own messages.");
        }

        Body = ValidBody(body);
        EditedAt = now;
    }

    /// <summary>The author deletes their own; a moderator deletes any. The row stays so sequence numbers stay gap-free.</summary>
    public void Delete(string actorId, bool actorModerates, DateTimeOffset now)
    {
        if (IsDeleted)
        {
            throw new ChatRefusedException("That message was already deleted.");
        }

        if (AuthorId != actorId && !actorModerates)
        {
            throw new ChatRefusedException("You can only delete your own messages.");
        }

        Body = "";
        DeletedAt = now;
        DeletedById = actorId;
    }
}
