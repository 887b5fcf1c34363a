namespace CollabHub.Web.Features.Chat;

/// <summary>Where a channel lives on the site, and the notification subjects that name it.</summary>
public static class ChatLinks
{
    /// <summary>A group's chat tab, or a direct conversation's page; site-relative.</summary>
    public static string Channel(Guid channelId, string? groupSlug) =>
        groupSlug is null ? Conversation(channelId) : $"/groups/{groupSlug}/chat";

    public static string Conversation(Guid channelId) => $"/messages/{channelId:D}";

    /// <summary>Mentions in one channel collapse into one unread notification.</summary>
    public static string ChannelSubject(Guid channelId) => $"chat:{channelId:D}";

    /// <summary>Direct messages in one conversation collapse into one unread notification.</summary>
    public static string ConversationSubject(Guid channelId) => $"conversation:{channelId:D}";
}
