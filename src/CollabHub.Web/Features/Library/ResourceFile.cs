namespace CollabHub.Web.Features.Library;

/// <summary>A file attached to a resource, under the name the submitter gave it; counts its downloads.</summary>
public sealed class ResourceFile
{
    public const int FileNameMaxLength = 200;

    public Guid Id { get; init; }

    public Guid ResourceId { get; init; }

    public Guid StoredFileId { get; init; }

    public StoredFile? StoredFile { get; init; }

    public required string FileName { get; init; }

    public int DownloadCount { get; init; }

    public DateTimeOffset AddedAt { get; init; }
}
