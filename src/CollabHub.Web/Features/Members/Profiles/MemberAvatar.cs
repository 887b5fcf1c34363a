namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>A member's picture, already re-encoded by <see cref="AvatarImageProcessor"/>: square, small, no metadata.</summary>
public class MemberAvatar
{
    public const int MaxStoredBytes = 512 * 1024;

    public string UserId { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public string ContentType { get; set; } = "";

    /// <summary>Changes with every upload: the ETag, and the cache-busting query in avatar URLs.</summary>
    public Guid Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
