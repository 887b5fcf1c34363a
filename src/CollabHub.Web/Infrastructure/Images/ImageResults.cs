using Microsoft.Net.Http.Headers;

namespace CollabHub.Web.Infrastructure.Images;

/// <summary>Serves a stored, re-encoded picture with its version as the ETag, so unchanged pictures revalidate to 304.</summary>
public static class ImageResults
{
    /// <summary>
    /// The picture, or 304 when the browser already has this version. <paramref name="requestedVersion"/> is the URL's
    /// <c>v</c> query: when it names the current version, browsers may keep the picture a week.
    /// </summary>
    public static IResult Serve(HttpContext http, byte[] content, string contentType, Guid version, string? requestedVersion, string fileName)
    {
        var headers = http.Response.Headers;
        var etag = new EntityTagHeaderValue($"\"{version:N}\"");
        headers.ETag = etag.ToString();
        // A URL naming the current version never changes, so the browser may keep it; any other URL revalidates.
        headers.CacheControl = string.Equals(requestedVersion, version.ToString("N"), StringComparison.OrdinalIgnoreCase)
            ? "private, max-age=604800"
            : "private, no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";

        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(candidate => candidate.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(content, contentType);
    }
}
