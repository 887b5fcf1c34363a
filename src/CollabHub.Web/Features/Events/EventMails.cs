using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Web;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// What registrants are told, by mail (with the calendar invitation where it applies) and in the bell, staged in the
/// caller's context so it commits with the change. The notifications feature does not mail these kinds: this does.
/// </summary>
public sealed class EventMails(IEmailOutbox outbox, INotifier notifier, PublicUrls urls, EventCalendar calendar)
{
    public void Confirmed(AppDbContext db, ApplicationUser to, Event ev) =>
        Send(db, to, ev, NotificationKind.EventConfirmed, $"You're registered: {ev.Title}", "Your seat is confirmed",
            "Your seat is confirmed. The invitation attached adds it to your calendar.", calendar.Invitation(ev, cancel: false));

    public void Waitlisted(AppDbContext db, ApplicationUser to, Event ev, int position) =>
        Send(db, to, ev, NotificationKind.EventWaitlisted, $"On the waitlist: {ev.Title}", "You're on the waitlist",
            $"All seats are taken, so you are number {position} on the waitlist. When a seat frees up, the first person waiting gets it automatically and is told by e-mail.", null);

    public void Promoted(AppDbContext db, ApplicationUser to, Event ev) =>
        Send(db, to, ev, NotificationKind.EventPromoted, $"A seat freed up: {ev.Title}", "You have a seat",
            "A seat freed up and it is yours: your registration is confirmed. The invitation attached adds it to your calendar.", calendar.Invitation(ev, cancel: false));

    public void MovedToWaitlist(AppDbContext db, ApplicationUser to, Event ev) =>
        Send(db, to, ev, NotificationKind.EventChanged, $"Fewer seats: {ev.Title}", "You're back on the waitlist",
            "The organisers reduced the number of seats, and as one of the latest to register you are now first in line on the waitlist. If a seat frees up, it is yours and you will be told.", calendar.Invitation(ev, cancel: true));

    public void Changed(AppDbContext db, ApplicationUser to, Event ev) =>
        Send(db, to, ev, NotificationKind.EventChanged, $"Changed: {ev.Title}", "The event has changed",
            "The organisers changed the time or place. The updated invitation attached replaces the one in your calendar.", calendar.Invitation(ev, cancel: false));

    public void Cancelled(AppDbContext db, ApplicationUser to, Event ev) =>
        Send(db, to, ev, NotificationKind.EventCancelled, $"Cancelled: {ev.Title}", "The event is cancelled",
            "The organisers cancelled this event. The attachment removes it from your calendar.", calendar.Invitation(ev, cancel: true));

    public void Reminder(AppDbContext db, ApplicationUser to, Event ev, ReminderKind kind)
    {
        var when = kind switch
        {
            ReminderKind.DayBefore => "tomorrow",
            ReminderKind.HourBefore => "in an hour",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Send(db, to, ev, NotificationKind.EventReminder, $"Starts {when}: {ev.Title}", $"Starting {when}",
            $"A reminder that {ev.Title} starts {when}.", null);
    }

    /// <summary>An organiser's message to everyone registered; no notification, as it is the organiser speaking.</summary>
    public void Message(AppDbContext db, ApplicationUser to, Event ev, string subject, string body) =>
        outbox.Enqueue(db, Recipient(to), new EmailContent(
            $"{subject} ({ev.Title})",
            subject,
            [Greeting(to), .. body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            new EmailAction("Open the event", urls.Absolute(EventLinks.Page(ev.Slug))),
            "You receive this because you registered for this event on CollabHub."));

    private void Send(AppDbContext db, ApplicationUser to, Event ev, NotificationKind kind, string subject, string heading, string news, EmailAttachment? invitation)
    {
        var url = "/" + EventLinks.Page(ev.Slug);
        notifier.Add(db, new NotificationRequest(to.Id, kind, null, $"event:{ev.Id:D}", url, ev.Title, news, ev.GroupId));
        if (string.IsNullOrEmpty(to.Email))
        {
            return;
        }

        List<string> paragraphs = [Greeting(to), news, $"{ev.Title}: {EventTimes.Range(ev.StartsAt, ev.EndsAt, EventTimes.Zone(ev.TimeZoneId))}"];
        if (ev.Format != EventFormat.Online && !string.IsNullOrWhiteSpace(ev.Venue))
        {
            paragraphs.Add($"Where: {ev.Venue}");
        }

        outbox.Enqueue(db, Recipient(to), new EmailContent(
            subject, heading, paragraphs,
            new EmailAction("Open the event", urls.Absolute(EventLinks.Page(ev.Slug))),
            "You receive this because you registered for this event on CollabHub.",
            Attachments: invitation is null ? null : [invitation]));
    }

    private static EmailRecipient Recipient(ApplicationUser to) =>
        new(to.Email!, string.IsNullOrWhiteSpace(to.DisplayName) ? null : to.DisplayName);

    private static string Greeting(ApplicationUser to) =>
        string.IsNullOrWhiteSpace(to.DisplayName) ? "Hello," : $"Hello {to.DisplayName},";
}
