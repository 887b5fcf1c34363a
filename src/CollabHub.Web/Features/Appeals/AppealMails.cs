using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Web;

namespace CollabHub.Web.Features.Appeals;

/// <summary>The mails a visitor's endorsement sends, queued in the caller's transaction.</summary>
public sealed class AppealMails(IEmailOutbox outbox, PublicUrls urls)
{
    public void ConfirmEndorsement(AppDbContext db, string email, string name, Appeal appeal, string token) =>
        outbox.Enqueue(db, new EmailRecipient(email, name), new EmailContent(
            $"Confirm your endorsement of \"{appeal.Title}\"",
            "One more step",
            [
                $"Hello {name},",
                $"Someone, hopefully you, asked to endorse the appeal \"{appeal.Title}\" with this address. Your endorsement counts once you confirm it.",
                $"The link works for {Endorsement.ConfirmationLifetime.TotalDays:0} days. If you did not ask for this, ignore this mail and nothing is recorded.",
            ],
            new EmailAction("Confirm my endorsement", urls.Absolute(AppealLinks.Confirm(token)))));

    /// <summary>Sent instead of a confirmation when the address already endorsed, so the page's answer stays the same.</summary>
    public void AlreadyEndorsed(AppDbContext db, string email, Appeal appeal) =>
        outbox.Enqueue(db, new EmailRecipient(email), new EmailContent(
            $"You already endorse \"{appeal.Title}\"",
            "Your endorsement is already counted",
            [
                $"Someone, hopefully you, asked to endorse the appeal \"{appeal.Title}\" with this address. This address already endorses it, so nothing changed.",
                "To withdraw, use the link in the mail that confirmed your endorsement.",
            ],
            new EmailAction("Open the appeal", urls.Absolute(AppealLinks.Page(appeal.Slug)))));

    public void Confirmed(AppDbContext db, string email, string name, Appeal appeal, string withdrawToken) =>
        outbox.Enqueue(db, new EmailRecipient(email, name), new EmailContent(
            $"Thank you for endorsing \"{appeal.Title}\"",
            "Your endorsement counts",
            [
                $"Hello {name},",
                $"Your endorsement of \"{appeal.Title}\" is confirmed and counted.",
                $"If you change your mind, you can withdraw it at any time: {urls.Absolute(AppealLinks.Withdraw(withdrawToken))}",
            ],
            new EmailAction("Open the appeal", urls.Absolute(AppealLinks.Page(appeal.Slug)))));
}
