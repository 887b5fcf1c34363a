namespace CollabHub.Web.Infrastructure.Email;

/// <summary>One file of an outbox mail, stored beside it so the mail sent is the mail queued.</summary>
public class OutboxEmailAttachment
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 200;

    public long Id { get; set; }

    public long OutboxEmailId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public static OutboxEmailAttachment From(EmailAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (attachment.FileName.Length is 0 or > FileNameMaxLength || attachment.ContentType.Length is 0 or > ContentTypeMaxLength
            || attachment.ContentType.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"'{attachment.FileName}' ({attachment.ContentType}) can't be attached.", nameof(attachment));
        }

        return new OutboxEmailAttachment { FileName = attachment.FileName, ContentType = attachment.ContentType, Content = attachment.Content };
    }
}
