using System.Globalization;
using System.Text;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Web;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// iCalendar files for events. Every copy of an event shares one UID (its id at the hub's host), and carries the
/// event's SEQUENCE, raised on every change, so a calendar that already holds it replaces it instead of adding another.
/// Times are written in UTC: every calendar shows them in its owner's zone.
/// </summary>
public sealed class EventCalendar(PublicUrls urls)
{
    public const string ProductId = "-//CollabHub//Events//EN";

    /// <summary>An invitation (REQUEST) or its withdrawal (CANCEL) for mail.</summary>
    public EmailAttachment Invitation(Event ev, bool cancel)
    {
        var method = cancel ? CalendarMethods.Cancel : CalendarMethods.Request;
        var text = Serialize(method, [ev]);
        return new EmailAttachment(
            cancel ? "cancel.ics" : "invite.ics",
            $"text/calendar; method={method}; charset=utf-8",
            Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A file or feed to subscribe to or import (PUBLISH): downloads, member feeds and group feeds.</summary>
    public string Publish(IEnumerable<Event> events, string? name = null) => Serialize(CalendarMethods.Publish, events, name);

    public string Uid(Event ev) => string.Create(CultureInfo.InvariantCulture, $"event-{ev.Id:D}@{urls.BaseUri.Host}");

    private string Serialize(string method, IEnumerable<Event> events, string? name = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = method };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        foreach (var ev in events)
        {
            calendar.Events.Add(ToComponent(ev, method == CalendarMethods.Cancel));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private CalendarEvent ToComponent(Event ev, bool cancel)
    {
        var page = urls.Absolute(EventLinks.Page(ev.Slug));
        var component = new CalendarEvent
        {
            Uid = Uid(ev),
            Sequence = ev.Sequence,
            Summary = ev.Title,
            Description = ev.Description + "\n\n" + page,
            Start = Utc(ev.StartsAt),
            End = Utc(ev.EndsAt),
            DtStamp = Utc(ev.UpdatedAt),
            Url = page,
            Location = ev.Format == EventFormat.Online ? "Online" : ev.Venue,
            Status = cancel || ev.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        return component;
    }

    private static CalDateTime Utc(DateTimeOffset value) => new(value.UtcDateTime, CalDateTime.UtcTzId);
}
