using System.Text;
using CollabHub.Web.Components.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// The event buttons post here (with the page's antiforgery token); the services re-check everything and the member
/// is sent back to the event page with one sentence. Calendar files and the CSV export are served here too.
/// </summary>
internal static class EventEndpoints
{
    private const string CalendarType = "text/calendar; charset=utf-8";

    public static void Map(WebApplication app)
    {
        app.MapGet("/events/{slug}/calendar.ics", async (string slug, HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
            await feeds.EventFileAsync(Viewer(http), slug, ct) is { } ics ? Calendar(ics, $"{slug}.ics") : Results.NotFound());
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedService feeds, CancellationToken ct) =>
            await feeds.MemberFeedAsync(token, ct) is { } ics ? Calendar(ics, null) : Results.NotFound());
        app.MapGet("/groups/{slug}/events.ics", async (string slug, CalendarFeedService feeds, CancellationToken ct) =>
            await feeds.GroupFeedAsync(slug, ct) is { } ics ? Calendar(ics, null) : Results.NotFound());

        var ev = app.MapGroup("/events/{slug}").RequireAuthorization();
        ev.MapGet("/attendees.csv", async (string slug, HttpContext http, EventService events, CancellationToken ct) =>
            await events.AttendeesAsync(Viewer(http), slug, 1, int.MaxValue, ct) is { } list
                ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AttendeeCsv.Write(list.Rows))).ToArray(), "text/csv; charset=utf-8", $"{slug}-attendees.csv")
                : Results.NotFound());

        var actions = ev.MapGroup("").WithMetadata(new RequireAntiforgeryTokenAttribute());
        actions.MapPost("/register", (string slug, HttpContext http, EventRegistrationService registrations, CancellationToken ct) =>
            ReportAsync(http, slug, null, registrations.RegisterAsync(Viewer(http), slug, ct)));
        actions.MapPost("/unregister", (string slug, HttpContext http, EventRegistrationService registrations, CancellationToken ct) =>
            ReportAsync(http, slug, null, registrations.CancelAsync(Viewer(http), slug, ct)));
        actions.MapPost("/publish", (string slug, HttpContext http, EventService events, CancellationToken ct) =>
            ReportAsync(http, slug, null, events.PublishAsync(Viewer(http), slug, ct)));
        actions.MapPost("/cancel", (string slug, HttpContext http, EventService events, CancellationToken ct) =>
            ReportAsync(http, slug, null, events.CancelAsync(Viewer(http), slug, ct)));
        actions.MapPost("/capacity", (string slug, [FromForm] int? capacity, [FromForm] bool moveLatest, HttpContext http, EventRegistrationService registrations, CancellationToken ct) =>
            ReportAsync(http, slug, EventLinks.Attendees(slug), registrations.ChangeCapacityAsync(Viewer(http), slug, capacity, moveLatest, ct)));
        actions.MapPost("/attendees/{id:guid}/check-in", (string slug, Guid id, [FromForm] int? page, HttpContext http, EventRegistrationService registrations, CancellationToken ct) =>
            ReportAsync(http, slug, EventLinks.Attendees(slug) + (page > 1 ? $"?page={page}" : ""), registrations.CheckInAsync(Viewer(http), slug, id, ct)));
        actions.MapPost("/message", (string slug, [FromForm] string? subject, [FromForm] string? body, HttpContext http, EventService events, CancellationToken ct) =>
            ReportAsync(http, slug, EventLinks.Attendees(slug), events.MessageRegistrantsAsync(Viewer(http), slug, subject, body, ct)));

        app.MapPost("/events/calendar-feed", async (HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
        {
            var token = await feeds.RenewAsync(Viewer(http).UserId!, ct);
            IdentityRedirectManager.SetStatus(http, "Your new calendar address is below; the old one no longer works.");
            http.Response.Cookies.Append(FeedCookie, token, new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromMinutes(5), Path = "/" + EventLinks.Mine });
            return Results.LocalRedirect("/" + EventLinks.Mine);
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost("/events/calendar-feed/revoke", async (HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
        {
            await feeds.RevokeAsync(Viewer(http).UserId!, ct);
            IdentityRedirectManager.SetStatus(http, "Your calendar address no longer works.");
            return Results.LocalRedirect("/" + EventLinks.Mine);
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    /// <summary>
    /// Carries a just-made feed token to the page that shows it once (a short-lived, HttpOnly cookie scoped to that
    /// page), because only its hash is stored.
    /// </summary>
    public const string FeedCookie = "collabhub-calendar-feed";

    private static EventViewer Viewer(HttpContext http) => EventViewer.From(http.User);

    private static IResult Calendar(string ics, string? downloadName) =>
        downloadName is null
            ? Results.Text(ics, CalendarType)
            : Results.File(Encoding.UTF8.GetBytes(ics), CalendarType, downloadName);

    private static async Task<IResult> ReportAsync(HttpContext http, string slug, string? returnPath, Task<EventOutcome> operation)
    {
        var outcome = await operation;
        if (outcome.Kind == EventOutcomeKind.NotFound)
        {
            return Results.NotFound();
        }

        IdentityRedirectManager.SetStatus(http, outcome.Succeeded ? outcome.Message : $"Error: {outcome.Message}");
        return Results.LocalRedirect("/" + (returnPath ?? EventLinks.Page(slug)));
    }
}
