namespace CollabHub.Web.Features.Groups;

/// <summary>A group's cover picture, already re-encoded by <see cref="CoverImageProcessor"/>: wide, small, no metadata.</summary>
public class GroupCover
{
    public const int MaxStoredBytes = 1024 * 1024;

    public Guid GroupId { get; set; }

    public byte[] Content { get; set; } = [];

    public string ContentType { get; set; } = "";

    /// <summary>Changes with every upload: the ETag, and <see cref="Group.CoverVersion"/> for cache-busting URLs.</summary>
    public Guid Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
