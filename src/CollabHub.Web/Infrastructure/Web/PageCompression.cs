using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace CollabHub.Web.Infrastructure.Web;

/// <summary>
/// Pages and other dynamic answers (HTML, JSON, text) go compressed, Brotli or gzip, to a browser that asks for it:
/// a library search page is 47 KB of HTML and about a quarter of that compressed (Brotli 12 KB), seconds on the slow links many members
/// read on. Static assets are compressed at build time and served as such (<c>MapStaticAssets</c>); those answers
/// already carry their encoding and pass through untouched.
/// <para>
/// Over HTTPS too, which the middleware leaves off by default because of BREACH: an attacker who can make a victim's
/// browser ask for a page that reflects text the attacker chose (a search) can learn a secret in that page from the
/// compressed sizes. The secrets in these pages change with every answer (the antiforgery token, the interactive
/// components' descriptors: each is freshly encrypted), so there is nothing to learn from them. The account pages are
/// left uncompressed all the same: they show recovery codes, the authenticator key and personal data, and are small.
/// </para>
/// </summary>
internal static class PageCompression
{
    /// <summary>The pages never compressed (see the class).</summary>
    private static readonly PathString AccountPages = "/Account";

    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // The fastest levels: most of the gain for a page for a fraction of the CPU (Brotli's quality 1).
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UsePageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(AccountPages, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseResponseCompression());
}
