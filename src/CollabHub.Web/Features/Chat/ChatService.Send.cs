using System.Diagnostics.Metrics;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;

namespace CollabHub.Web.Features.Chat;

public sealed partial class ChatService
{
    private readonly ChatSendBatches sends = new();

    private readonly Histogram<int> perCommit = meters.Create(MeterName).CreateHistogram<int>(BatchSizeInstrument, "{message}", "Chat messages committed together");

    /// <summary>
    /// Stores and delivers a message once per <paramref name="clientMessageId"/>: a retry returns the stored message.
    /// The text is checked here; the rest is the channel's writer's (<see cref="ChatSendBatches"/>): it checks the
    /// caller's account, access and flood allowance at the moment of writing, numbers messages gap-free under the
    /// channel row's lock and publishes them in that order.
    /// </summary>
    public async Task<ChatMessageView> SendAsync(
        ChatCaller caller, Guid channelId, Guid clientMessageId, string? body, CancellationToken cancellationToken = default)
    {
        var text = ChatMessage.ValidBody(body);
        if (clientMessageId == Guid.Empty)
        {
            throw new ChatRefusedException("Each message needs its own client message id.");
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Not cancelled with the caller: once queued the message may be stored, and a retry finds it by its client id.
        return await sends.Add(new ChatPendingSend(caller, channelId, clientMessageId, text), WriteBatchAsync);
    }

    /// <summary>How many sends wait for the writer of <paramref name="channelId"/>'s lane (for tests of the batching).</summary>
    internal int SendsWaitingInLaneOf(Guid channelId) => sends.WaitingInLaneOf(channelId);

    /// <summary>
    /// Stores a lane's waiting sends (<see cref="ChatSendBatches"/>), from any number of channels, in one transaction,
    /// then publishes each channel's messages in sequence order. If the shared transaction fails, each channel is
    /// stored on its own, so one channel's trouble never refuses another channel's messages.
    /// </summary>
    private async Task WriteBatchAsync(IReadOnlyList<ChatPendingSend> batch)
    {
        List<ChatPendingSend[]> channels = [.. batch.GroupBy(s => s.ChannelId).Select(g => g.ToArray())];
        List<ChannelWrite> written;
        try
        {
            written = await StoreAsync(channels);
        }
        catch (Exception) when (channels.Count > 1)
        {
            written = [];
            foreach (var channel in channels)
            {
                try
                {
                    written.AddRange(await StoreAsync([channel]));
                }
                catch (Exception exception)
                {
                    Array.ForEach(channel, s => s.Completion.TrySetException(exception));
                }
            }
        }

        foreach (var write in written)
        {
            await PublishAsync(write);
            foreach (var (index, send) in write.Sends.Index())
            {
                if (write.Refusals[index] is { } refusal)
                {
                    send.Completion.TrySetException(refusal);
                }
                else
                {
                    send.Completion.TrySetResult(write.Results[index]!);
                }
            }
        }
    }

    /// <summary>
    /// Numbers one channel's new messages after its last (<paramref name="head"/>: null when the channel is gone), and
    /// stages them and the notifications they cause. Each send is decided on its own: refused when its sender may not
    /// use the channel or is over the flood limit; answered with the stored message when it is a retry.
    /// </summary>
    private async Task<ChannelWrite> StageAsync(
        AppDbContext db,
        ChannelHead? head,
        ChatPendingSend[] sends,
        Dictionary<(string UserId, Guid ChannelId), SendAccess> access,
        Dictionary<(Guid, Guid), ChatMessageView> known,
        DateTimeOffset now)
    {
        var write = new ChannelWrite(sends[0].ChannelId, sends);
        var seq = head?.LastSeq ?? 0;
        var senders = new List<(string UserId, ChatChannelInfo Channel)>();
        foreach (var (index, send) in sends.Index())
        {
            var (account, channel, refusal) = access[(send.Caller.UserId, send.ChannelId)];
            // A SendAccess holds either the account and channel or the refusal.
            if (refusal is not null || head is null || account is null || channel is null)
            {
                write.Refusals[index] = refusal ?? new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
                continue;
            }

            senders.Add((send.Caller.UserId, channel));
            if (known.TryGetValue((head.Id, send.ClientMessageId), out var stored))
            {
                // A retry (stored earlier, or twice in this batch): the stored message, even at the flood limit.
                write.Results[index] = stored;
                continue;
            }

            try
            {
                if (!send.Counted)
                {
                    flood.Take(send.Caller.UserId, head.Id, now - account.CreatedAt < options.Value.NewAccountAge);
                    send.Counted = true;
                }
            }
            catch (ChatRefusedException overLimit)
            {
                write.Refusals[index] = overLimit;
                continue;
            }

            var message = new ChatMessage
            {
                ChannelId = head.Id,
                Seq = ++seq,
                ClientMessageId = send.ClientMessageId,
                AuthorId = send.Caller.UserId,
                Body = send.Body,
                CreatedAt = now,
            };
            write.New.Add(message);
            await StageNotificationsAsync(db, channel, message, account.DisplayName, default);
            write.Results[index] = known[(head.Id, send.ClientMessageId)] = View(message, account.DisplayName);
            write.Posted.Add(write.Results[index]!);
        }

        write.Recipient = Recipient(senders);
        return write;
    }

    /// <summary>The messages in sequence order, then each sender's and a direct conversation's other reader's position.</summary>
    private async Task PublishAsync(ChannelWrite write)
    {
        if (write.Posted.Count == 0)
        {
            return;
        }

        var topic = LiveTopics.Chat(write.ChannelId);
        foreach (var view in write.Posted)
        {
            await live.PublishAsync(topic, new ChatMessageChanged(ChatChange.Posted, view));
        }

        var lastSeq = write.Posted[^1].Seq;
        foreach (var author in write.Posted.GroupBy(m => m.AuthorId!, StringComparer.Ordinal))
        {
            await live.PublishAsync(LiveTopics.User(author.Key), new ChatReadState(write.ChannelId, author.Max(m => m.Seq), lastSeq));
            await presence.TouchAsync(author.Key);
        }

        if (write.Recipient is { } recipient)
        {
            // The other participant's unread count moved: their badges and hub clients hear it without joining the channel.
            await live.PublishAsync(LiveTopics.User(recipient), new ChatReadState(write.ChannelId, write.RecipientRead, lastSeq));
        }
    }

    /// <summary>In a direct conversation, the participant who sent nothing in this batch (the one to tell of unread messages).</summary>
    private static string? Recipient(List<(string UserId, ChatChannelInfo Channel)> senders) =>
        senders.Count > 0
        && senders[0].Channel.GroupId is null
        && senders.Select(s => s.Channel.OtherUserId).FirstOrDefault(o => senders.All(s => s.UserId != o)) is { } other
            ? other
            : null;

    /// <summary>
    /// What storing one channel's sends came to: for each send the message (new, or stored before for a retry) or its
    /// refusal; the new messages to publish; and in a direct conversation, the other reader to tell.
    /// </summary>
    private sealed class ChannelWrite(Guid channelId, ChatPendingSend[] sends)
    {
        public Guid ChannelId { get; } = channelId;

        public ChatPendingSend[] Sends { get; } = sends;

        public ChatMessageView?[] Results { get; } = new ChatMessageView?[sends.Length];

        public ChatRefusedException?[] Refusals { get; } = new ChatRefusedException?[sends.Length];

        public List<ChatMessageView> Posted { get; } = [];

        /// <summary>The new messages to insert (<see cref="WriteAsync"/>), one for each of <see cref="Posted"/>.</summary>
        public List<ChatMessage> New { get; } = [];

        public string? Recipient { get; set; }

        public long RecipientRead { get; set; }
    }
}
