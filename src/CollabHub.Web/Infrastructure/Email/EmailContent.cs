namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// What a mail says, without its look: the outbox renders it into one consistent HTML part and plain-text part.
/// Paragraphs are plain text (encoded when rendered); <see cref="Action"/> is the one button a mail may carry.
/// <see cref="UnsubscribeUrl"/>, for mail a member may stop (notifications, digests), becomes a footer link and the
/// RFC 8058 <c>List-Unsubscribe</c> / <c>List-Unsubscribe-Post</c> headers; it must accept a POST without a session.
/// <see cref="Attachments"/> are sent as files beside the two bodies (a calendar invitation, say). <see cref="Links"/>
/// follow the paragraphs as a list, each its words linked (a digest's items): the plain-text part gives each link's
/// address on the line after its words.
/// </summary>
public sealed record EmailContent(
    string Subject,
    string Heading,
    IReadOnlyList<string> Paragraphs,
    EmailAction? Action = null,
    string? Footnote = null,
    Uri? UnsubscribeUrl = null,
    IReadOnlyList<EmailAttachment>? Attachments = null,
    IReadOnlyList<EmailAction>? Links = null);

/// <summary>A call to action, or one of a mail's links: a label and an absolute URL (see <see cref="Web.PublicUrls"/>).</summary>
public sealed record EmailAction(string Label, Uri Url);

/// <summary>Whom a mail goes to.</summary>
public sealed record EmailRecipient(string Address, string? DisplayName = null);
