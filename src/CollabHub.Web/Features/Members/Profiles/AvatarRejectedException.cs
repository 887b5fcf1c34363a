namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>An uploaded picture that cannot become an avatar; the message is written for the member.</summary>
public sealed class AvatarRejectedException(string message) : Exception(message);
