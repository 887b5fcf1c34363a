using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The real-time chat API at <c>/hubs/chat</c> (contract in the README, "Chat API"). A thin adapter over
/// <see cref="ChatService"/>, which checks the account and the channel on every call; a refusal reaches the caller
/// alone as a <see cref="HubException"/> with a readable reason, and an ended session closes the connection.
/// </summary>
[Authorize]
public sealed class ChatHub(ChatService chat, ChatHubRelay relay, ChatPresence presence) : Hub<IChatClient>
{
    private ChatCaller Caller => ChatCaller.From(Context.User);

    public override async Task OnConnectedAsync()
    {
        var userId = Context.UserIdentifier!;
        await relay.ConnectedAsync(Context);
        await presence.ConnectAsync(userId, Context.ConnectionId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        relay.Disconnected(Context.ConnectionId);
        await presence.DisconnectAsync(Context.UserIdentifier!, Context.ConnectionId);
    }

    /// <summary>Starts receiving a channel's events; returns its last sequence number, the caller's read position and who is online.</summary>
    public Task<ChannelJoined> JoinChannel(Guid channelId) =>
        Run(channelId, async () => await JoinAsync(await chat.GetChannelAsync(Caller, channelId, Context.ConnectionAborted)));

    /// <summary>Joins the chat channel of a group the caller belongs to (created on first use).</summary>
    public Task<ChannelJoined> JoinGroupChannel(Guid groupId) =>
        Run(null, async () => await JoinAsync(await chat.OpenGroupChannelAsync(Caller, groupId, Context.ConnectionAborted)));

    /// <summary>Joins the direct conversation with another member (created on first use).</summary>
    public Task<ChannelJoined> JoinDirectConversation(string userId) =>
        Run(null, async () => await JoinAsync(await chat.OpenDirectAsync(Caller, userId, Context.ConnectionAborted)));

    public Task LeaveChannel(Guid channelId) => relay.LeaveAsync(Context.ConnectionId, channelId);

    public Task<ChatMessageView> Send(Guid channelId, Guid clientMessageId, string body) =>
        Run(channelId, () => chat.SendAsync(Caller, channelId, clientMessageId, body, Context.ConnectionAborted));

    public Task<IReadOnlyList<ChatMessageView>> History(Guid channelId, long beforeSeq, int limit) =>
        Run(channelId, () => chat.HistoryAsync(Caller, channelId, beforeSeq, limit, Context.ConnectionAborted));

    public Task<IReadOnlyList<ChatMessageView>> MessagesAfter(Guid channelId, long afterSeq, int limit) =>
        Run(channelId, () => chat.AfterAsync(Caller, channelId, afterSeq, limit, Context.ConnectionAborted));

    public Task Typing(Guid channelId) =>
        Run(channelId, async () =>
        {
            await chat.TypingAsync(Caller, channelId, Context.ConnectionAborted);
            return true;
        });

    public Task<ChatReadState> MarkRead(Guid channelId, long seq) =>
        Run(channelId, () => chat.MarkReadAsync(Caller, channelId, seq, Context.ConnectionAborted));

    public Task<ChatMessageView> Edit(Guid channelId, long seq, string body) =>
        Run(channelId, () => chat.EditAsync(Caller, channelId, seq, body, Context.ConnectionAborted));

    public Task<ChatMessageView> Delete(Guid channelId, long seq) =>
        Run(channelId, () => chat.DeleteAsync(Caller, channelId, seq, Context.ConnectionAborted));

    private async Task<ChannelJoined> JoinAsync(ChatChannelInfo channel)
    {
        // Subscribe before reading the last sequence number, so nothing committed in between is missed.
        await relay.JoinAsync(Context.ConnectionId, channel.ChannelId, channel.GroupId);
        var current = await chat.GetChannelAsync(Caller, channel.ChannelId, Context.ConnectionAborted);
        var members = await chat.MembersAsync(Caller, channel.ChannelId, Context.ConnectionAborted);
        var online = members.Select(m => presence.Get(m.UserId)).Where(p => p.State != PresenceState.Offline).ToList();
        return new ChannelJoined(current.ChannelId, current.LastSeq, current.LastReadSeq, online);
    }

    private async Task<T> Run<T>(Guid? channelId, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ChatRefusedException refused)
        {
            if (refused.EndsSession)
            {
                await relay.ExpelAsync(Context.UserIdentifier!);
                Context.Abort();
            }
            else if (refused.DeniesChannel && channelId is { } id)
            {
                // Whatever made the channel unusable (a removal we did not hear of), this connection stops receiving it.
                await relay.LeaveAsync(Context.ConnectionId, id);
            }

            throw new HubException(refused.Message);
        }
    }
}
