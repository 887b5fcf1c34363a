using CollabHub.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// Renders a mail and adds it to the caller's context. Saving is the caller's: the mail commits with the change that
/// caused it or not at all. <see cref="OutboxSignalInterceptor"/> wakes the dispatcher once it is committed.
/// </summary>
public sealed class EmailOutbox(EmailRenderer renderer, IOptions<EmailOptions> options, TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(AppDbContext db, EmailRecipient to, EmailContent content)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(to);
        db.OutboxEmails.Add(Create(to, content));
    }

    /// <summary>The row <see cref="Enqueue"/> adds, for callers that batch rows themselves.</summary>
    public OutboxEmail Create(EmailRecipient to, EmailContent content)
    {
        var address = to.Address?.Trim() ?? "";
        if (address.Length is 0 or > OutboxEmail.AddressMaxLength || !address.Contains('@', StringComparison.Ordinal)
            || address.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"'{address}' is not an e-mail address.", nameof(to));
        }

        var rendered = renderer.Render(content);
        var now = clock.GetUtcNow();
        var name = to.DisplayName?.ReplaceLineEndings(" ").Trim();
        return new OutboxEmail
        {
            MessageId = NewMessageId(),
            ToAddress = address,
            ToName = string.IsNullOrEmpty(name) ? null : name[..Math.Min(name.Length, OutboxEmail.NameMaxLength)],
            Subject = rendered.Subject,
            HtmlBody = rendered.Html,
            TextBody = rendered.Text,
            CreatedAt = now,
            Status = OutboxEmailStatus.Pending,
            NextAttemptAt = now,
            ExpiresAt = now + options.Value.Dispatcher.MaxAge,
            UnsubscribeUrl = content.UnsubscribeUrl?.AbsoluteUri,
            Attachments = [.. (content.Attachments ?? []).Select(OutboxEmailAttachment.From)],
        };
    }

    /// <summary>Globally unique, and in the sender's domain as RFC 5322 recommends.</summary>
    private string NewMessageId()
    {
        var domain = MailboxAddress.TryParse(options.Value.From, out var from) && from.Domain.Length > 0
            ? from.Domain
            : "collabhub.localhost";
        return $"{Guid.CreateVersion7():N}@{domain}";
    }
}
