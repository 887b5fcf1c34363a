using System.Text;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.Extensions.Configuration;

namespace CollabHub.UnitTests.Events;

public sealed class EventCalendarTests
{
    private static readonly EventCalendar Calendar = new(new PublicUrls(new ConfigurationBuilder().Build()));

    private static Event Geneva(DateTime localStart)
    {
        var form = new EventForm
        {
            Title = "Nudges for climate action",
            Start = localStart,
            End = localStart.AddHours(1),
            TimeZoneId = "Europe/Zurich",
            Format = EventFormat.Online,
        };
        var details = form.Validate(out var errors) ?? throw new InvalidOperationException(string.Join(" ", errors.Values));
        var ev = new Event { Slug = "nudges", Status = EventStatus.Published };
        ev.Describe(details, DateTimeOffset.UtcNow);
        return ev;
    }

    private static Ical.Net.Calendar Parse(byte[] ics) => Ical.Net.Calendar.Load(Encoding.UTF8.GetString(ics))!;

    [Fact]
    public void Invitation_Request_ParsesWithUtcTimesUidAndSequence()
    {
        var ev = Geneva(new DateTime(2026, 12, 3, 14, 0, 0));

        var attachment = Calendar.Invitation(ev, cancel: false);
        var parsed = Parse(attachment.Content);

        Assert.Equal("REQUEST", parsed.Method);
        Assert.Contains("method=REQUEST", attachment.ContentType, StringComparison.Ordinal);
        var component = Assert.Single(parsed.Events);
        Assert.Equal(Calendar.Uid(ev), component.Uid);
        Assert.Equal(ev.Sequence, component.Sequence);
        Assert.Equal(new DateTime(2026, 12, 3, 13, 0, 0, DateTimeKind.Utc), component.Start!.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc), component.End!.AsUtc);
        Assert.True(component.Start.IsUtc);
    }

    [Fact]
    public void Invitation_AfterAnyFieldChanges_IsMadeAfresh_WhileAnUnchangedEventSharesOneFile()
    {
        var calendar = new EventCalendar(new PublicUrls(new ConfigurationBuilder().Build()));
        var ev = Geneva(new DateTime(2026, 12, 3, 14, 0, 0));
        var first = calendar.Invitation(ev, cancel: false);
        Assert.Same(first, calendar.Invitation(ev, cancel: false));

        // A change that keeps the sequence (a corrected description) still reaches the next registrant's file.
        ev.Description = "Bring your own data.";
        var described = Assert.Single(Parse(calendar.Invitation(ev, cancel: false).Content).Events);
        Assert.StartsWith("Bring your own data.", described.Description, StringComparison.Ordinal);

        ev.Format = EventFormat.InPerson;
        ev.Venue = "Palais des Nations, Room XX";
        Assert.Equal("Palais des Nations, Room XX", Assert.Single(Parse(calendar.Invitation(ev, cancel: false).Content).Events).Location);
        Assert.Equal("CANCEL", Parse(calendar.Invitation(ev, cancel: true).Content).Method);
    }

    [Fact]
    public void Invitation_Cancel_HasMethodCancelTheSameUidAndAHigherSequence()
    {
        var ev = Geneva(new DateTime(2026, 12, 3, 14, 0, 0));
        var request = Assert.Single(Parse(Calendar.Invitation(ev, cancel: false).Content).Events);
        ev.Cancel(DateTimeOffset.UtcNow);

        var parsed = Parse(Calendar.Invitation(ev, cancel: true).Content);

        Assert.Equal("CANCEL", parsed.Method);
        var component = Assert.Single(parsed.Events);
        Assert.Equal(request.Uid, component.Uid);
        Assert.True(component.Sequence > request.Sequence);
        Assert.Equal("CANCELLED", component.Status);
    }

    [Fact]
    public void Validate_TimesEitherSideOfDaylightSaving_UseEachDatesOffset()
    {
        // Central Europe moves to summer time on 29 March 2026: 10:00 is 09:00 UTC before, 08:00 UTC after.
        var before = Geneva(new DateTime(2026, 3, 28, 10, 0, 0));
        var after = Geneva(new DateTime(2026, 3, 30, 10, 0, 0));

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero), before.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero), after.StartsAt);
        var published = Ical.Net.Calendar.Load(Calendar.Publish([before, after]))!;
        Assert.Equal(
            [new DateTime(2026, 3, 28, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc)],
            published.Events.Select(e => e.Start!.AsUtc).Order());
    }

    [Fact]
    public void Validate_TimeSkippedBySpringForward_IsRefused()
    {
        var form = new EventForm
        {
            Title = "Too early",
            Start = new DateTime(2026, 3, 29, 2, 30, 0),
            End = new DateTime(2026, 3, 29, 4, 0, 0),
            TimeZoneId = "Europe/Zurich",
        };

        Assert.Null(form.Validate(out var errors));
        Assert.Contains("daylight saving", errors[nameof(EventForm.Start)], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InPersonWithoutVenue_AsksWhere()
    {
        var form = new EventForm { Title = "Side event", Start = new DateTime(2026, 6, 1, 13, 0, 0), End = new DateTime(2026, 6, 1, 14, 0, 0), TimeZoneId = "UTC", Format = EventFormat.InPerson };

        Assert.Null(form.Validate(out var errors));
        Assert.Equal("Say where the event takes place.", errors[nameof(EventForm.Venue)]);
    }
}
