namespace CollabHub.Web.Features.Discussions;

/// <summary>Who wrote a post; a deleted account shows as a former member, its posts kept.</summary>
public sealed record PostAuthor(string? UserId, string Name, Guid? AvatarVersion)
{
    public const string FormerMember = "Former member";

    public bool IsFormerMember => UserId is null;

    public static PostAuthor Of(string? userId, string? displayName, Guid? avatarVersion) => userId is null
        ? new PostAuthor(null, FormerMember, null)
        : new PostAuthor(userId, string.IsNullOrWhiteSpace(displayName) ? "Member" : displayName, avatarVersion);
}
