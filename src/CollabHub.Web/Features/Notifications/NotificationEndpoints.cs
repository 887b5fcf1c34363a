using CollabHub.Web.Components.Account;
using CollabHub.Web.Features.Groups;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// Opening and marking notifications (signed in, with the page's antiforgery token), saving preferences, and the
/// one-click unsubscribe, which RFC 8058 mail clients POST without a session or token of ours: only the signed link
/// authorises it.
/// </summary>
internal static class NotificationEndpoints
{
    public const string ListPath = "/notifications";

    public static void Map(WebApplication app)
    {
        var signedIn = app.MapGroup(ListPath).RequireAuthorization();
        signedIn.MapGet("/{id:guid}/open", OpenAsync);

        var forms = app.MapGroup(ListPath).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        forms.MapPost("/{id:guid}/read", async (Guid id, [FromForm] int? page, HttpContext http, NotificationService notifications, CancellationToken ct) =>
        {
            await notifications.MarkReadAsync(GroupViewer.From(http.User), id, ct);
            return Results.LocalRedirect(BackTo(page));
        });
        forms.MapPost("/read-all", async ([FromForm] int? page, HttpContext http, NotificationService notifications, CancellationToken ct) =>
        {
            var changed = await notifications.MarkAllReadAsync(GroupViewer.From(http.User), ct);
            IdentityRedirectManager.SetStatus(http, changed == 0 ? "Nothing was unread." : "All notifications are marked read.");
            return Results.LocalRedirect(BackTo(page));
        });
        // The settings and unsubscribe pages live at the same addresses for GET; Razor component endpoints also accept
        // POST there, so these take precedence (a lower order wins) instead of making the match ambiguous.
        forms.MapPost("/settings", SaveSettingsAsync).WithOrder(-1);

        // One address for the mail's link (GET: the page asks first) and its List-Unsubscribe header (POST: RFC 8058).
        app.MapPost("/" + UnsubscribeTokens.Path, UnsubscribeAsync).DisableAntiforgery().WithOrder(-1);
    }

    private static async Task<IResult> OpenAsync(Guid id, HttpContext http, NotificationService notifications, CancellationToken cancellationToken)
    {
        var url = await notifications.OpenAsync(GroupViewer.From(http.User), id, cancellationToken);
        // Stored URLs are site-relative (a check constraint says so); LocalRedirect refuses anything else anyway.
        return url is null ? Results.NotFound() : Results.LocalRedirect(url);
    }

    private static async Task<IResult> SaveSettingsAsync(HttpContext http, NotificationPreferencesService preferences, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var userId = GroupViewer.From(http.User).UserId!;
        var deliveries = new Dictionary<NotificationKind, EmailDelivery>();
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            if (Enum.TryParse<EmailDelivery>(form[$"delivery.{kind}"].ToString(), out var delivery) && Enum.IsDefined(delivery))
            {
                deliveries[kind] = delivery;
            }
        }

        // Every group listed on the form is sent in "groups"; the ticked ones also in "follow".
        var followed = form["follow"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToHashSet();
        var follows = form["groups"]
            .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToDictionary(id => id, followed.Contains);
        await preferences.SaveAsync(userId, deliveries, follows, cancellationToken);
        IdentityRedirectManager.SetStatus(http, "Your notification settings are saved.");
        return Results.LocalRedirect("/" + NotificationMailer.SettingsPath);
    }

    /// <summary>
    /// The token comes in the query (the List-Unsubscribe address) or the form (the confirmation page). Mail clients
    /// get 200; a person on the page goes back to it, which then says it is done.
    /// </summary>
    private static async Task<IResult> UnsubscribeAsync(HttpContext http, UnsubscribeTokens tokens, NotificationPreferencesService preferences, CancellationToken cancellationToken)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        var token = http.Request.Query["token"].ToString() is { Length: > 0 } fromQuery ? fromQuery : form?["token"].ToString();
        if (tokens.Read(token) is not { } scope)
        {
            return Results.BadRequest("This unsubscribe link is not valid. Change your e-mail settings on CollabHub instead.");
        }

        await preferences.UnsubscribeAsync(scope, cancellationToken);
        return form?["confirm"].ToString() == "1"
            ? Results.Redirect($"/{UnsubscribeTokens.Path}?token={Uri.EscapeDataString(token!)}&done=true", permanent: false, preserveMethod: false)
            : Results.Text("Unsubscribed.");
    }

    private static string BackTo(int? page) => page is > 1 ? $"{ListPath}?page={page}" : ListPath;
}
