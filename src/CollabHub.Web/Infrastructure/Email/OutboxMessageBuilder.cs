using MimeKit;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>Turns an outbox row into the MIME message every transport sends, so SMTP and pickup files match byte for byte.</summary>
public static class OutboxMessageBuilder
{
    public static MimeMessage Build(OutboxEmail email, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage
        {
            MessageId = email.MessageId,
            Date = email.CreatedAt,
            Subject = email.Subject,
        };
        message.From.Add(from);
        message.To.Add(Recipient(email));
        // RFC 3834: tells vacation responders and mailing lists not to answer a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (email.UnsubscribeUrl is { Length: > 0 } unsubscribe)
        {
            // RFC 8058: mail clients offer "Unsubscribe" and POST "List-Unsubscribe=One-Click" to the address themselves.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = email.TextBody },
            new TextPart("html") { Text = email.HtmlBody },
        };
        message.Body = email.Attachments.Count == 0 ? alternative : WithAttachments(alternative, email.Attachments);
        return message;
    }

    /// <summary>multipart/mixed: the readable bodies first, then each file base64-encoded with its own content type.</summary>
    private static Multipart WithAttachments(MultipartAlternative bodies, IEnumerable<OutboxEmailAttachment> attachments)
    {
        var mixed = new Multipart("mixed") { bodies };
        foreach (var attachment in attachments)
        {
            mixed.Add(new MimePart(ContentType.Parse(attachment.ContentType))
            {
                Content = new MimeContent(new MemoryStream(attachment.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.FileName,
            });
        }

        return mixed;
    }

    /// <summary>Throws <see cref="ParseException"/> for an address no server would accept: a permanent failure.</summary>
    private static MailboxAddress Recipient(OutboxEmail email)
    {
        var address = MailboxAddress.Parse(email.ToAddress);
        return new MailboxAddress(email.ToName ?? "", address.Address);
    }

    /// <summary>A file name made from the Message-Id: the same message always lands in the same file.</summary>
    public static string FileName(string messageId)
    {
        var safe = new string(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
        return safe.Trim('.') + ".eml";
    }
}
