namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>A file for <see cref="MemberSession.PostFormAsync"/>: the form field, the name the browser reports, the bytes.</summary>
public sealed record FormFile(string FieldName, string FileName, string ContentType, byte[] Content);
