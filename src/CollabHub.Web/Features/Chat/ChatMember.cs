namespace CollabHub.Web.Features.Chat;

/// <summary>Someone who can read a channel, for the "who is here" list and @mention suggestions.</summary>
public sealed record ChatMember(string UserId, string DisplayName);
