using System.Globalization;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Web;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// The mails groups send, queued in the caller's context so they commit with the change. Each goes only to the
/// person it concerns, who already knows the group (their own request, their own invitation).
/// </summary>
public sealed class GroupMails(IEmailOutbox outbox, PublicUrls urls)
{
    public void RequestApproved(AppDbContext db, ApplicationUser requester, Group group) =>
        Send(db, requester, new EmailContent(
            $"Welcome to {group.Name}",
            "Your request was approved",
            [Greeting(requester), $"The moderators of {group.Name} approved your request to join. You are now a member: you can read and take part in everything the group shares."],
            new EmailAction("Open the group", urls.Absolute(GroupLinks.Page(group.Slug)))));

    public void RequestDeclined(AppDbContext db, ApplicationUser requester, Group group, string? reply)
    {
        List<string> paragraphs = [Greeting(requester), $"The moderators of {group.Name} declined your request to join."];
        if (!string.IsNullOrWhiteSpace(reply))
        {
            paragraphs.Add("Their reply:");
            paragraphs.Add(reply);
        }

        Send(db, requester, new EmailContent(
            $"Your request to join {group.Name}",
            "Your request was declined",
            paragraphs,
            Footnote: "You can find other groups in the CollabHub directory."));
    }

    /// <summary>The only mail that names a hidden group to someone outside it: the person invited, holding the link.</summary>
    public void Invitation(AppDbContext db, string email, ApplicationUser inviter, Group group, string token, DateTimeOffset expiresAt)
    {
        var inviterName = string.IsNullOrWhiteSpace(inviter.DisplayName) ? "A colleague" : inviter.DisplayName;
        outbox.Enqueue(db, new EmailRecipient(email), new EmailContent(
            $"{inviterName} invited you to {group.Name} on CollabHub",
            $"Join {group.Name}",
            [
                "Hello,",
                $"{inviterName} invited you to join the group {group.Name} on CollabHub, where colleagues across the UN system meet around shared causes.",
                group.Summary,
                $"The invitation works once, until {expiresAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. If you have no CollabHub account yet, create one from the invitation page: the invitation waits for you.",
            ],
            new EmailAction("See the invitation", urls.Absolute(GroupLinks.Invitation(token))),
            "If you don't want to join, you can ignore this e-mail: nothing happens unless the link is followed."));
    }

    private void Send(AppDbContext db, ApplicationUser to, EmailContent content)
    {
        if (!string.IsNullOrEmpty(to.Email))
        {
            outbox.Enqueue(db, new EmailRecipient(to.Email, string.IsNullOrWhiteSpace(to.DisplayName) ? null : to.DisplayName), content);
        }
    }

    private static string Greeting(ApplicationUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? "Hello," : $"Hello {user.DisplayName.Trim()},";
}
