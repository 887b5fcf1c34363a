using CollabHub.Web.Components.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// Downloads, and the moderators' buttons (they post here with the page's antiforgery token; the service re-checks
/// everything and the answer is shown on the page the moderator came from).
/// </summary>
internal static class LibraryEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/library/{resourceId:guid}/files/{fileId:guid}", DownloadAsync);
        app.MapPost("/library/{resourceId:guid}/decide", DecideAsync)
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());

        var collections = app.MapGroup("/library/collections").RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        collections.MapPost("", async ([FromForm] string? title, [FromForm] string? description, [FromForm] bool? featured, HttpContext http, CollectionService service, CancellationToken ct) =>
        {
            var outcome = await service.CreateAsync(http.User, title, description, featured == true, ct);
            return outcome.Succeeded ? Results.LocalRedirect(outcome.Message) : Report(http, outcome, "/library/collections");
        });
        collections.MapPost("/add", async ([FromForm] Guid collectionId, [FromForm] Guid resourceId, HttpContext http, CollectionService service, CancellationToken ct) =>
            Report(http, await service.AddAsync(http.User, collectionId, resourceId, ct), $"/library/{resourceId}"));
        collections.MapPost("/{id:guid}/up", async (Guid id, [FromForm] Guid resourceId, HttpContext http, CollectionService service, CancellationToken ct) =>
            Report(http, await service.MoveAsync(http.User, id, resourceId, -1, ct), await PathOfAsync(http, id)));
        collections.MapPost("/{id:guid}/down", async (Guid id, [FromForm] Guid resourceId, HttpContext http, CollectionService service, CancellationToken ct) =>
            Report(http, await service.MoveAsync(http.User, id, resourceId, 1, ct), await PathOfAsync(http, id)));
        collections.MapPost("/{id:guid}/remove", async (Guid id, [FromForm] Guid resourceId, HttpContext http, CollectionService service, CancellationToken ct) =>
            Report(http, await service.RemoveAsync(http.User, id, resourceId, ct), await PathOfAsync(http, id)));
    }

    private static IResult Report(HttpContext http, LibraryOutcome outcome, string returnPath)
    {
        if (outcome.NotFound)
        {
            return Results.NotFound();
        }

        IdentityRedirectManager.SetStatus(http, outcome.Succeeded ? outcome.Message : $"Error: {outcome.Message}");
        return Results.LocalRedirect(returnPath);
    }

    private static async Task<string> PathOfAsync(HttpContext http, Guid collectionId)
    {
        var slug = await http.RequestServices.GetRequiredService<CollectionService>().SlugOfAsync(collectionId, http.RequestAborted);
        return slug is null ? "/library/collections" : $"/library/collections/{slug}";
    }

    /// <summary>Raises the request size limit for the upload forms, before anything reads the body.</summary>
    public static void UseUploadLimits(WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/library", StringComparison.Ordinal)
                && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = http.RequestServices.GetRequiredService<IOptions<LibraryOptions>>().Value.MaxRequestBytes;
            }

            return next(http);
        });
    }

    private static async Task<IResult> DownloadAsync(Guid resourceId, Guid fileId, HttpContext http, LibraryService library, CancellationToken ct)
    {
        var file = await library.OpenDownloadAsync(http.User, resourceId, fileId, ct);
        if (file is null || !File.Exists(file.Path))
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // Even if a browser were talked into rendering it, the file runs in a sandbox without scripts or our origin.
        headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
        headers[HeaderNames.CacheControl] = "private, no-store";
        return Results.File(file.Path, file.ContentType, file.FileName, enableRangeProcessing: true);
    }

    private static async Task<IResult> DecideAsync(
        Guid resourceId, [FromForm] ResourceDecision decision, [FromForm] string? note, [FromForm] int version, [FromForm] string? returnUrl,
        HttpContext http, LibraryService library, CancellationToken ct)
    {
        var outcome = await library.DecideAsync(http.User, resourceId, decision, note, version, ct);
        var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith("/library", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : "/library/review";
        return Report(http, outcome, target);
    }
}
