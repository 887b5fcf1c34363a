using CollabHub.Web.Components.Account;
using CollabHub.Web.Features.Groups;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CollabHub.Web.Features.Appeals;

/// <summary>
/// The appeal page's buttons and forms post here with the page's antiforgery token; each action asks the service,
/// which re-checks everything, and the person is sent back with one sentence. An appeal they may not see answers 404.
/// </summary>
internal static class AppealEndpoints
{
    public const string VisitorRateLimit = "appeal-visitors";

    public static void Map(WebApplication app)
    {
        app.MapGet("/appeals/{slug}/card.svg", AppealExports.CardAsync);
        app.MapGet("/appeals/{slug}/endorsements.csv", AppealExports.CsvAsync).RequireAuthorization();

        var open = app.MapGroup("/appeals").WithMetadata(new RequireAntiforgeryTokenAttribute());
        open.MapPost("/{slug}/endorse-by-email", (string slug, [FromForm] string? name, [FromForm] string? email, [FromForm] bool? listed, HttpContext http, EndorsementService endorsements, CancellationToken ct) =>
            ReportAsync(http, slug, null, endorsements.EndorseAsVisitorAsync(slug, name, email, listed == true, ct)))
            .RequireRateLimiting(VisitorRateLimit);
        open.MapPost("/links/{token}/confirm", async (string token, HttpContext http, EndorsementService endorsements, CancellationToken ct) =>
            Landing(http, await endorsements.ConfirmVisitorAsync(token, ct), AppealLinks.Confirm(token)))
            .RequireRateLimiting(VisitorRateLimit);
        open.MapPost("/links/{token}/withdraw", async (string token, HttpContext http, EndorsementService endorsements, CancellationToken ct) =>
            Landing(http, await endorsements.WithdrawByLinkAsync(token, ct), AppealLinks.Withdraw(token)))
            .RequireRateLimiting(VisitorRateLimit);

        var member = app.MapGroup("/appeals/{slug}").RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        member.MapPost("/endorse", (string slug, [FromForm] bool? listed, HttpContext http, EndorsementService endorsements, CancellationToken ct) =>
            ReportAsync(http, slug, null, endorsements.EndorseAsMemberAsync(Viewer(http), slug, listed == true, ct)));
        member.MapPost("/withdraw", (string slug, HttpContext http, EndorsementService endorsements, CancellationToken ct) =>
            ReportAsync(http, slug, null, endorsements.WithdrawAsMemberAsync(Viewer(http), slug, ct)));
        member.MapPost("/organisations", (string slug, [FromForm] string? name, [FromForm] OrganisationType? type, [FromForm] string? country, HttpContext http, EndorsementService endorsements, CancellationToken ct) =>
            ReportAsync(http, slug, null, endorsements.SubmitOrganisationAsync(Viewer(http), slug, name, type, country, ct)));
        member.MapPost("/organisations/{id:guid}/confirm", (string slug, Guid id, HttpContext http, AppealService appeals, CancellationToken ct) =>
            ReportAsync(http, slug, AppealLinks.Manage(slug), appeals.ConfirmOrganisationAsync(Viewer(http), slug, id, ct)));
        member.MapPost("/organisations/{id:guid}/remove", (string slug, Guid id, HttpContext http, AppealService appeals, CancellationToken ct) =>
            ReportAsync(http, slug, AppealLinks.Manage(slug), appeals.RemoveOrganisationAsync(Viewer(http), slug, id, ct)));
        member.MapPost("/states", (string slug, [FromForm] string? state, [FromForm] string? reference, HttpContext http, AppealService appeals, CancellationToken ct) =>
            ReportAsync(http, slug, AppealLinks.Manage(slug), appeals.RecordStateAsync(Viewer(http), slug, state, reference, ct)));
        member.MapPost("/states/{code}/remove", (string slug, string code, HttpContext http, AppealService appeals, CancellationToken ct) =>
            ReportAsync(http, slug, AppealLinks.Manage(slug), appeals.RemoveStateAsync(Viewer(http), slug, code, ct)));
        member.MapPost("/open", (string slug, HttpContext http, AppealService appeals, CancellationToken ct) =>
            ReportAsync(http, slug, AppealLinks.Manage(slug), appeals.OpenAsync(Viewer(http), slug, ct)));
        member.MapPost("/close", (string slug, HttpContext http, AppealService appeals, CancellationToken ct) =>
            ReportAsync(http, slug, AppealLinks.Manage(slug), appeals.CloseAsync(Viewer(http), slug, ct)));
    }

    internal static AppealViewer Viewer(HttpContext http) => AppealViewer.From(http.User);

    private static async Task<IResult> ReportAsync(HttpContext http, string slug, string? back, Task<GroupOutcome> operation)
    {
        var outcome = await operation;
        if (outcome.Kind == GroupOutcomeKind.NotFound)
        {
            return Results.NotFound();
        }

        IdentityRedirectManager.SetStatus(http, outcome.Succeeded ? outcome.Message : $"Error: {outcome.Message}");
        return Results.LocalRedirect("/" + (back ?? AppealLinks.Page(slug)));
    }

    /// <summary>A visitor's link: to the appeal on success, back to the landing page (with the reason) otherwise.</summary>
    private static IResult Landing(HttpContext http, (GroupOutcome Outcome, string? Slug) result, string landing)
    {
        IdentityRedirectManager.SetStatus(http, result.Outcome.Succeeded ? result.Outcome.Message : $"Error: {result.Outcome.Message}");
        return Results.LocalRedirect("/" + (result.Outcome.Succeeded && result.Slug is not null ? AppealLinks.Page(result.Slug) : landing));
    }
}
