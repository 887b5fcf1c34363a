namespace CollabHub.Web.Features.Library;

/// <summary>
/// One file's bytes on the storage root, shared by every resource that attached the same content (the SHA-256 is
/// unique). Its text, once extracted, feeds the search of those resources.
/// </summary>
public sealed class StoredFile
{
    public const int ExtractedTextMaxLength = Resource.FileTextMaxLength;

    public Guid Id { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }

    public long Size { get; init; }

    public FileKind Kind { get; init; }

    public required string ContentType { get; init; }

    /// <summary>The server-generated name under the storage root (never anything the uploader chose).</summary>
    public required string StorageName { get; init; }

    public ExtractionStatus Extraction { get; set; }

    public string? ExtractedText { get; set; }

    /// <summary>Set while an extractor holds the row, so a crashed one's claim lapses and another picks it up.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
