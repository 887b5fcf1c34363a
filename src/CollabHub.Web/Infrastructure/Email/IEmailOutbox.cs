using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// The one way a feature sends mail. Enqueue adds an <c>outbox_email</c> row to the caller's context, so the
/// caller's <c>SaveChangesAsync</c> (inside its transaction) commits the mail together with the change that caused it.
/// A background dispatcher delivers it later; nothing is sent inline.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Renders <paramref name="content"/> into the house template and adds the row to <paramref name="db"/> (not saved).</summary>
    void Enqueue(AppDbContext db, EmailRecipient to, EmailContent content);
}
