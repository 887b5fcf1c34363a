namespace CollabHub.Web.Features.Library;

/// <summary>A file the viewer may download: where it is on disk and how to name it.</summary>
public sealed record DownloadFile(string Path, string FileName, string ContentType);
