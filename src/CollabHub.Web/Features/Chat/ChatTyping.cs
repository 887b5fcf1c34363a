namespace CollabHub.Web.Features.Chat;

/// <summary>Someone is typing in a channel; clients show it until <see cref="ExpiresAt"/> unless renewed or a message arrives.</summary>
public sealed record ChatTyping(Guid ChannelId, string UserId, string DisplayName, DateTimeOffset ExpiresAt);
