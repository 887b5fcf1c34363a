namespace CollabHub.Web.Features.Chat;

/// <summary>Published once on <c>LiveTopics.Chat(channelId)</c> after the change committed; circuits and the hub relay both listen.</summary>
public sealed record ChatMessageChanged(ChatChange Change, ChatMessageView Message);
