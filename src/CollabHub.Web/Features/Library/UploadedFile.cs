namespace CollabHub.Web.Features.Library;

/// <summary>A file posted with a form: the name the browser gave and a way to read it (once).</summary>
public sealed record UploadedFile(string FileName, Func<Stream> Open)
{
    public static IReadOnlyList<UploadedFile> From(HttpContext http) =>
        http.Request.HasFormContentType
            ? [.. http.Request.Form.Files.GetFiles(ResourceForm.FilesField).Where(f => f.Length > 0).Select(f => new UploadedFile(f.FileName, f.OpenReadStream))]
            : [];
}
