using System.Diagnostics.Metrics;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

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
    /// One transaction for the given channels' sends. Statements, however many channels and senders: the channel rows'
    /// locks (which also find retries), the senders' accounts and access (<see cref="AccessAsync"/>, two), the inserts
    /// with the counters' updates, the senders' read positions, the direct conversations' other readers' positions
    /// (when there are any), the commit.
    /// </summary>
    private async Task<List<ChannelWrite>> StoreAsync(List<ChatPendingSend[]> channels)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        Guid[] channelIds = [.. channels.Select(c => c[0].ChannelId)];
        Guid[] clientIds = [.. channels.SelectMany(c => c).Select(s => s.ClientMessageId).Distinct()];

        // Locked in id order, so two transactions locking several channels never wait on each other in a circle.
        var heads = (await db.Database.SqlQuery<ChannelHead>(
                $"""
                SELECT c.id, c.last_seq,
                       ARRAY(SELECT m.client_message_id FROM chat_messages m WHERE m.channel_id = c.id AND m.client_message_id = ANY({clientIds})) AS stored
                FROM chat_channels c WHERE c.id = ANY({channelIds}) ORDER BY c.id FOR UPDATE
                """)
            .ToListAsync()).ToDictionary(h => h.Id);
        var access = await AccessAsync(db, [.. channels.SelectMany(c => c)]);
        Guid[] stored = [.. heads.Values.SelectMany(h => h.Stored)];
        var known = stored.Length == 0
            ? []
            : (await ViewsAsync(db.ChatMessages.Where(m => channelIds.Contains(m.ChannelId) && stored.Contains(m.ClientMessageId)), db, default))
                .ToDictionary(v => (v.ChannelId, v.ClientMessageId));

        var writes = new List<ChannelWrite>(channels.Count);
        foreach (var sends in channels)
        {
            writes.Add(await StageAsync(db, heads.GetValueOrDefault(sends[0].ChannelId), sends, access, known, now));
        }

        var posting = writes.Where(w => w.Posted.Count > 0).ToList();
        if (posting.Count > 0)
        {
            await db.SaveChangesAsync();
            var authors = posting
                .SelectMany(w => w.Posted.GroupBy(m => m.AuthorId!, StringComparer.Ordinal).Select(g => (w.ChannelId, UserId: g.Key, Seq: g.Max(m => m.Seq))))
                .ToList();
            await AdvanceReadAsync(db, [.. authors.Select(a => a.ChannelId)], [.. authors.Select(a => a.UserId)], [.. authors.Select(a => a.Seq)], now);
            await ReadRecipientsAsync(db, posting);
            await tx.CommitAsync();
            perCommit.Record(posting.Sum(w => w.Posted.Count));
        }

        return writes;
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
            db.ChatMessages.Add(message);
            await StageNotificationsAsync(db, channel, message, account.DisplayName, default);
            write.Results[index] = known[(head.Id, send.ClientMessageId)] = View(message, account.DisplayName);
            write.Posted.Add(write.Results[index]!);
        }

        write.Recipient = Recipient(senders);
        if (write.Posted.Count > 0)
        {
            var row = db.ChatChannels.Attach(new ChatChannel { Id = head!.Id, LastSeq = head.LastSeq });
            row.Entity.LastSeq = seq;
            row.Entity.LastMessageAt = now;
        }

        return write;
    }

    /// <summary>Where each direct conversation's other reader stands, for their unread count (one statement for all).</summary>
    private static async Task ReadRecipientsAsync(AppDbContext db, List<ChannelWrite> posting)
    {
        var told = posting.Where(w => w.Recipient is not null).ToList();
        if (told.Count == 0)
        {
            return;
        }

        Guid[] channelIds = [.. told.Select(w => w.ChannelId)];
        string[] userIds = [.. told.Select(w => w.Recipient!)];
        var positions = await db.Database.SqlQuery<ReaderPosition>(
                $"""
                SELECT r.channel_id, r.last_read_seq FROM chat_read_positions r
                JOIN unnest({channelIds}, {userIds}) AS w(channel_id, user_id) ON r.channel_id = w.channel_id AND r.user_id = w.user_id
                """)
            .ToDictionaryAsync(p => p.ChannelId, p => p.LastReadSeq);
        foreach (var write in told)
        {
            write.RecipientRead = positions.GetValueOrDefault(write.ChannelId);
        }
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

    private static Task AdvanceReadAsync(AppDbContext db, Guid[] channelIds, string[] userIds, long[] seqs, DateTimeOffset now) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO chat_read_positions (channel_id, user_id, last_read_seq, updated_at)
            SELECT r.channel_id, r.user_id, r.seq, {now} FROM unnest({channelIds}, {userIds}, {seqs}) AS r(channel_id, user_id, seq)
            ON CONFLICT (channel_id, user_id) DO UPDATE
            SET last_read_seq = GREATEST(chat_read_positions.last_read_seq, EXCLUDED.last_read_seq), updated_at = EXCLUDED.updated_at
            """);

    private sealed record ChannelHead(Guid Id, long LastSeq, Guid[] Stored);

    private sealed record ReaderPosition(Guid ChannelId, long LastReadSeq);

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

        public string? Recipient { get; set; }

        public long RecipientRead { get; set; }
    }
}
