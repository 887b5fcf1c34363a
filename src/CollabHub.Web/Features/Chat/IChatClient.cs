namespace CollabHub.Web.Features.Chat;

/// <summary>What <see cref="ChatHub"/> sends to its clients; the method names are the event names on the wire.</summary>
public interface IChatClient
{
    /// <summary>A new message in a channel this connection joined. A gap in <c>Seq</c> means: call <c>MessagesAfter</c>.</summary>
    Task MessageReceived(ChatMessageView message);

    Task MessageEdited(ChatMessageView message);

    /// <summary>A message was deleted; it keeps its sequence number with an empty body.</summary>
    Task MessageDeleted(ChatMessageView message);

    Task Typing(ChatTyping typing);

    /// <summary>A member of a joined channel came online, went idle or went offline.</summary>
    Task PresenceChanged(MemberPresence presence);

    /// <summary>The caller's read position moved (on this or another device).</summary>
    Task ReadStateChanged(ChatReadState state);

    /// <summary>This connection no longer receives the channel (the member was removed from its group).</summary>
    Task ChannelClosed(Guid channelId, string reason);
}
