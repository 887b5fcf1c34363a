namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>The editor's starting point: the member's id, their current values and their picture's version (null: none).</summary>
public sealed record OwnProfile(string UserId, ProfileForm Form, Guid? AvatarVersion);
