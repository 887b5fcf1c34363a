using System.Diagnostics;

namespace CollabHub.Web.Infrastructure.Web;

/// <summary>Adds the security headers to every response, static files and errors included.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A response sandboxed by its endpoint (the library's downloads) keeps that stricter policy; any other
            // policy set on the way (Blazor adds frame-ancestors) gives way to the site's.
            if (!headers.ContentSecurityPolicy.ToString().StartsWith("sandbox", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request);
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["X-Request-Id"] = RequestId(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The id a user can quote to support: it is also in every log line of the request.</summary>
    public static string RequestId(HttpContext context) =>
        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    /// <summary>
    /// Blazor Server needs no eval and no inline script (the import map is not rendered), but it patches style
    /// attributes, hence 'unsafe-inline' for styles only. The circuit's WebSocket is same-origin.
    /// </summary>
    internal static string ContentSecurityPolicy(HttpRequest request)
    {
        var socket = request.IsHttps ? $"wss://{request.Host}" : $"ws://{request.Host} wss://{request.Host}";
        return "default-src 'self'; " +
            "script-src 'self'; " +
            "style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data:; " +
            "font-src 'self'; " +
            $"connect-src 'self' {socket}; " +
            "object-src 'none'; " +
            "base-uri 'self'; " +
            "form-action 'self'; " +
            "frame-ancestors 'none'";
    }
}
