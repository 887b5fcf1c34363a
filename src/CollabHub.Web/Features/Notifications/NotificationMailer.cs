using System.Globalization;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Text;
using CollabHub.Web.Infrastructure.Web;

namespace CollabHub.Web.Features.Notifications;

/// <summary>The words of notification mails: one per notification, and the daily digest. Each carries its unsubscribe link.</summary>
public sealed class NotificationMailer(UnsubscribeTokens tokens, PublicUrls urls)
{
    public const string SettingsPath = "notifications/settings";

    /// <summary>One sentence for what happened, e.g. "Ben Okafor replied in Budget 2027".</summary>
    public static string Describe(NotificationKind kind, string? actorName, string title, int count = 1) =>
        string.Format(CultureInfo.InvariantCulture, NotificationKinds.Template(kind, count > 1), ActorOrSystem(actorName), title, count);

    public static string ActorOrSystem(string? actorName) => string.IsNullOrWhiteSpace(actorName) ? "CollabHub" : actorName.Trim();

    public EmailContent Immediate(Notification notification, string recipientName, string? actorName)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var what = Describe(notification.Kind, actorName, notification.Title);
        List<string> paragraphs = [Greeting(recipientName), PlainText.Sentence(what)];
        if (!string.IsNullOrWhiteSpace(notification.Excerpt))
        {
            paragraphs.Add($"“{notification.Excerpt.Trim()}”");
        }

        return new EmailContent(
            what,
            what,
            paragraphs,
            new EmailAction("Open on CollabHub", urls.Absolute(notification.Url)),
            $"You get an e-mail as it happens for “{NotificationKinds.Label(notification.Kind)}”. Choose how you hear about each kind of activity: {urls.Absolute(SettingsPath).AbsoluteUri}",
            tokens.Link(new UnsubscribeScope(notification.RecipientId, notification.Kind)));
    }

    /// <summary>The digest: one link per (collapsed) item, its words linked, newest first.</summary>
    public EmailContent Digest(string recipientId, string recipientName, DateOnly localDate, IReadOnlyList<DigestLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var date = localDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        List<string> paragraphs =
        [
            Greeting(recipientName),
            lines.Count == 1 ? "Here is what happened on CollabHub since your last digest:" : $"Here are {lines.Count} things that happened on CollabHub since your last digest:",
        ];
        return new EmailContent(
            $"Your CollabHub digest for {date}",
            $"Your daily digest, {date}",
            paragraphs,
            new EmailAction("See all your notifications", urls.Absolute("notifications")),
            $"The digest comes at about 08:00 in your time zone, only when there is something new. Choose what goes into it: {urls.Absolute(SettingsPath).AbsoluteUri}",
            tokens.Link(new UnsubscribeScope(recipientId, null)),
            Links: [.. lines.Select(line => new EmailAction(line.Text, urls.Absolute(line.Url)))]);
    }

    private static string Greeting(string name) => string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name.Trim()},";
}
