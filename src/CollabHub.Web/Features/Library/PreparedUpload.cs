namespace CollabHub.Web.Features.Library;

/// <summary>An upload copied to a temporary file, hashed and recognised, waiting to be kept or thrown away.</summary>
public sealed record PreparedUpload(string TempPath, string FileName, string Sha256, long Size, FileKind Kind, string ContentType);
