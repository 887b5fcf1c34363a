namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// A file a mail carries, such as a calendar invitation. <paramref name="ContentType"/> is the full MIME type with its
/// parameters (<c>text/calendar; method=REQUEST; charset=utf-8</c>).
/// </summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
