using System.Globalization;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// Converting between the zone organisers enter times in, UTC (stored), and the zone each viewer reads them in.
/// TimeZoneInfo applies each date's own offset, so a session after a daylight-saving change keeps its wall-clock time.
/// </summary>
public static class EventTimes
{
    /// <summary>The zone for an IANA id, or UTC when the id is blank or unknown.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>A wall-clock time in <paramref name="zone"/> as an instant. A time skipped by a spring-forward change is refused.</summary>
    public static DateTimeOffset? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return null;
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>"Tuesday 1 December 2026, 14:00–15:30 (Europe/Geneva)": the range as seen in <paramref name="zone"/>.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var from = ToLocal(start, zone);
        var to = ToLocal(end, zone);
        var culture = CultureInfo.CurrentCulture;
        var day = from.ToString("dddd d MMMM yyyy", culture);
        var endText = to.Date == from.Date
            ? to.ToString("HH:mm", culture)
            : to.ToString("dddd d MMMM yyyy, HH:mm", culture);
        return $"{day}, {from.ToString("HH:mm", culture)}–{endText} ({zone.Id})";
    }

    /// <summary>For the datetime-local inputs of the organiser's form.</summary>
    public static string InputValue(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
