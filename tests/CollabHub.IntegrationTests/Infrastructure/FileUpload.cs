namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>A file chosen in a form's file input: the input's name, the file name the browser reports, and the bytes.</summary>
public sealed record FileUpload(string FieldName, string FileName, string ContentType, byte[] Content);
