using System.Net;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Components.Account;

/// <summary>
/// Identity's account mails, through the outbox: queued and committed before the page answers, delivered by the
/// dispatcher. The Identity pages pass links HTML-encoded (the template's habit); they are decoded here because the
/// outbox encodes everything it renders itself.
/// </summary>
internal sealed class IdentityEmailSender(IDbContextFactory<AppDbContext> contexts, IEmailOutbox outbox) : IEmailSender<ApplicationUser>
{
    private const string Ignore = "If you did not ask for this, you can ignore this e-mail: nothing changes unless the link is followed.";

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
    {
        var link = Link(confirmationLink);
        var changingAddress = user.Email is not null && !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase);
        var content = changingAddress
            ? new EmailContent(
                "Confirm your new e-mail address for CollabHub",
                "Confirm your new e-mail address",
                [Greeting(user), "You asked to use this address for your CollabHub account. Confirm it, and CollabHub will write to you here from now on."],
                new EmailAction("Confirm this address", link),
                "If you did not ask for this, you can ignore this e-mail: your account keeps its current address.")
            : new EmailContent(
                "Confirm your e-mail address for CollabHub",
                "Welcome to CollabHub",
                [Greeting(user), "Thank you for joining CollabHub, where colleagues across the UN system meet around shared causes. Please confirm your e-mail address to activate your account."],
                new EmailAction("Confirm my e-mail address", link),
                "If you did not create a CollabHub account, you can ignore this e-mail: no account is activated without this confirmation.");
        return QueueAsync(user, email, content);
    }

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        QueueAsync(user, email, new EmailContent(
            "Reset your CollabHub password",
            "Reset your password",
            [Greeting(user), "We received a request to reset the password of your CollabHub account. Choose a new password with the button below; the link works for one day."],
            new EmailAction("Choose a new password", Link(resetLink)),
            Ignore));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        QueueAsync(user, email, new EmailContent(
            "Your CollabHub password reset code",
            "Your password reset code",
            [Greeting(user), "We received a request to reset the password of your CollabHub account. Enter this code on the reset page:", resetCode, "The code works for one day."],
            Footnote: "If you did not ask for this, you can ignore this e-mail: your password stays as it is."));

    private async Task QueueAsync(ApplicationUser user, string email, EmailContent content)
    {
        await using var db = await contexts.CreateDbContextAsync();
        outbox.Enqueue(db, new EmailRecipient(email, Name(user)), content);
        await db.SaveChangesAsync();
    }

    private static Uri Link(string encodedLink) => new(WebUtility.HtmlDecode(encodedLink), UriKind.Absolute);

    private static string? Name(ApplicationUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? null : user.DisplayName.Trim();

    private static string Greeting(ApplicationUser user) => Name(user) is { } name ? $"Hello {name}," : "Hello,";
}
