namespace CollabHub.Web.Infrastructure.Web;

/// <summary>
/// Absolute links for places with no request to borrow a host from (mail, calendar files, console output).
/// The base comes from <c>App:PublicBaseUrl</c>; without it, the Development address from launchSettings.
/// </summary>
public sealed class PublicUrls
{
    public const string DefaultBaseUrl = "http://localhost:5240/";

    public PublicUrls(IConfiguration configuration)
    {
        var configured = configuration["App:PublicBaseUrl"];
        var text = string.IsNullOrWhiteSpace(configured) ? DefaultBaseUrl : configured.Trim();
        if (!text.EndsWith('/'))
        {
            text += "/";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"App:PublicBaseUrl must be an absolute http(s) URL; it is '{configured}'.");
        }

        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>An absolute URL for an app-relative path such as <c>/Account/ConfirmEmail?userId=...</c>.</summary>
    public Uri Absolute(string relativePath) => new(BaseUri, relativePath.TrimStart('/'));
}
