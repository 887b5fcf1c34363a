using CollabHub.Web.Components;
using CollabHub.Web.Components.Layout;
using CollabHub.Web.Features.Library;
using Microsoft.AspNetCore.HttpOverrides;

namespace CollabHub.Web.Infrastructure.Web;

/// <summary>The cross-cutting web pipeline: logging, errors, security headers, static assets, components.</summary>
public static class WebPlatform
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            // One JSON object per line, with the request id, trace id and path from the request's scope.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PublicUrls>();
        builder.Services.AddSingleton<SharedText>();
        builder.Services.AddScoped<ShellCountsService>();
        // The review count (the header's link, the home page's library section) is read with the header's other counts, once per request.
        builder.Services.AddScoped<IPendingReviewCount>(sp => sp.GetRequiredService<ShellCountsService>());
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddAntiforgery();
        // Not in every page's component state: a visitor's first page then sets no cookie and can be cached (see the class).
        builder.Services.WithoutPersistedAntiforgeryToken();
        // Visitors' public pages, briefly (see PublicPageCachePolicy); zero turns it off.
        var publicPageCache = builder.Configuration.GetValue("PublicPages:CacheDuration", TimeSpan.FromSeconds(5));
        builder.Services.AddOutputCache(o => o.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy(publicPageCache)));
        builder.Services.AddPageCompression();
        builder.Services.AddLocalization();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Users see a friendly page with the request id; the detail goes to the log.
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();

        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseMiddleware<StatusPagesMiddleware>();

        // Inside the security headers, so a page served from the cache gets this request's headers (and request id).
        app.UseOutputCache();

        // Inside the cache, which so stores each page compressed, once for each encoding asked for.
        app.UsePageCompression();

        // Inside the status pages, so the re-executed page (now a GET) passes antiforgery as any page does.
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
