namespace CollabHub.Web.Features.Events;

/// <summary>The events feature's addresses, relative to the site's base (no leading slash), as pages link them.</summary>
public static class EventLinks
{
    public const string List = "events";

    public const string Mine = "events/mine";

    public const string New = "events/new";

    public static string Page(string slug) => $"events/{slug}";

    public static string Edit(string slug) => $"events/{slug}/edit";

    public static string Attendees(string slug) => $"events/{slug}/attendees";

    public static string Action(string slug, string action) => $"events/{slug}/{action}";

    public static string Download(string slug) => $"events/{slug}/calendar.ics";

    public static string MemberFeed(string token) => $"calendar/{token}.ics";

    public static string GroupFeed(string groupSlug) => $"groups/{groupSlug}/events.ics";

    public static string GroupEvents(string groupSlug) => $"groups/{groupSlug}/events";
}
