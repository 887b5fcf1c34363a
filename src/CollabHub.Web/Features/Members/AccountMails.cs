using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Members;

/// <summary>Account mails that Identity's own sender has no method for.</summary>
public sealed class AccountMails(IDbContextFactory<AppDbContext> dbFactory, IEmailOutbox outbox, PublicUrls urls)
{
    /// <summary>
    /// Sent when someone registers with an address that already has an account: the page answers as for a new
    /// account, and only the owner of the mailbox learns the account exists.
    /// </summary>
    public async Task SendAlreadyRegisteredAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user.Email);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        outbox.Enqueue(db, new EmailRecipient(user.Email, user.DisplayName), new EmailContent(
            Subject: "You already have a CollabHub account",
            Heading: "You already have an account",
            Paragraphs:
            [
                "Someone, probably you, just tried to create a CollabHub account with this e-mail address. This address already has an account, so nothing new was created.",
                $"Sign in with it below. If you have forgotten your password, you can set a new one at {urls.Absolute("/Account/ForgotPassword")}.",
            ],
            Action: new EmailAction("Sign in to CollabHub", urls.Absolute("/Account/Login")),
            Footnote: "If it was not you, you can ignore this mail: your account has not changed."));
        await db.SaveChangesAsync(cancellationToken);
    }
}
