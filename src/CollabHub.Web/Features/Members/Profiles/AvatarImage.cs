namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>A re-encoded avatar ready to store and serve.</summary>
public sealed record AvatarImage(byte[] Content, string ContentType);
