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
    /// The checks run here, for this caller; the write is the channel's (<see cref="ChatSendBatches"/>), which numbers
    /// messages gap-free under the channel row's lock and publishes them in that order.
    /// </summary>
    public async Task<ChatMessageView> SendAsync(
        ChatCaller caller, Guid channelId, Guid clientMessageId, string? body, CancellationToken cancellationToken = default)
    {
        var text = ChatMessage.ValidBody(body);
        if (clientMessageId == Guid.Empty)
        {
            throw new ChatRefusedException("Each message needs its own client message id.");
        }

        ChatPendingSend send;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var (account, channel) = await RequireAccessAsync(db, caller, channelId, cancellationToken);
            try
            {
                flood.Take(caller.UserId, channelId, clock.GetUtcNow() - account.CreatedAt < options.Value.NewAccountAge);
            }
            catch (ChatRefusedException)
            {
                // A retry of a stored message is answered even at the limit: it stores nothing new.
                if (await FindByClientIdAsync(db, channelId, clientMessageId, cancellationToken) is { } stored)
                {
                    return stored;
                }

                throw;
            }

            send = new ChatPendingSend(caller.UserId, channel, account.DisplayName, clientMessageId, text);
        }

        // Not cancelled with the caller: once queued the message may be stored, and a retry finds it by its client id.
        return await sends.Add(send, WriteBatchAsync);
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
        List<ChatPendingSend[]> channels = [.. batch.GroupBy(s => s.Channel.ChannelId).Select(g => g.ToArray())];
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
                if (write.Refusal is { } refusal)
                {
                    send.Completion.TrySetException(refusal);
                }
                else
                {
                    send.Completion.TrySetResult(write.Results[index]);
                }
            }
        }
    }

    /// <summary>
    /// One transaction for the given channels' sends. Statements, however many channels: the channel rows' locks
    /// (which also find retries), the inserts with the counters' updates, the senders' read positions, the direct
    /// conversations' other readers' positions (when there are any), the commit.
    /// </summary>
    private async Task<List<ChannelWrite>> StoreAsync(List<ChatPendingSend[]> channels)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        Guid[] channelIds = [.. channels.Select(c => c[0].Channel.ChannelId)];
        Guid[] clientIds = [.. channels.SelectMany(c => c).Select(s => s.ClientMessageId).Distinct()];

        // Locked in id order, so two transactions locking several channels never wait on each other in a circle.
        var heads = (await db.Database.SqlQuery<ChannelHead>(
                $"""
                SELECT c.id, c.last_seq,
                       ARRAY(SELECT m.client_message_id FROM chat_messages m WHERE m.channel_id = c.id AND m.client_message_id = ANY({clientIds})) AS stored
                FROM chat_channels c WHERE c.id = ANY({channelIds}) ORDER BY c.id FOR UPDATE
                """)
            .ToListAsync()).ToDictionary(h => h.Id);
        Guid[] stored = [.. heads.Values.SelectMany(h => h.Stored)];
        var known = stored.Length == 0
            ? []
            : (await ViewsAsync(db.ChatMessages.Where(m => channelIds.Contains(m.ChannelId) && stored.Contains(m.ClientMessageId)), db, default))
                .ToDictionary(v => (v.ChannelId, v.ClientMessageId));

        var writes = new List<ChannelWrite>(channels.Count);
        foreach (var sends in channels)
        {
            var channelId = sends[0].Channel.ChannelId;
            writes.Add(heads.TryGetValue(channelId, out var head)
                ? await StageAsync(db, head, sends, known, now)
                : new ChannelWrite(channelId, sends, [], [], new ChatRefusedException(NoSuchChannel) { DeniesChannel = true }));
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

    /// <summary>Numbers one channel's new messages after its last, stages them and the notifications they cause.</summary>
    private async Task<ChannelWrite> StageAsync(
        AppDbContext db, ChannelHead head, ChatPendingSend[] sends, Dictionary<(Guid, Guid), ChatMessageView> known, DateTimeOffset now)
    {
        var results = new ChatMessageView[sends.Length];
        var posted = new List<ChatMessageView>();
        var seq = head.LastSeq;
        foreach (var (index, send) in sends.Index())
        {
            if (known.TryGetValue((head.Id, send.ClientMessageId), out var stored))
            {
                // A retry (stored earlier, or twice in this batch): the stored message, and the allowance back.
                results[index] = stored;
                flood.Return(send.AuthorId, head.Id);
                continue;
            }

            var message = new ChatMessage
            {
                ChannelId = head.Id,
                Seq = ++seq,
                ClientMessageId = send.ClientMessageId,
                AuthorId = send.AuthorId,
                Body = send.Body,
                CreatedAt = now,
            };
            db.ChatMessages.Add(message);
            await StageNotificationsAsync(db, send.Channel, message, send.AuthorName, default);
            results[index] = known[(head.Id, send.ClientMessageId)] = View(message, send.AuthorName);
            posted.Add(results[index]);
        }

        var write = new ChannelWrite(head.Id, sends, results, posted, null) { Recipient = Recipient(sends) };
        if (posted.Count > 0)
        {
            var row = db.ChatChannels.Attach(new ChatChannel { Id = head.Id, LastSeq = head.LastSeq });
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
    private static string? Recipient(ChatPendingSend[] sends) =>
        sends[0].Channel.GroupId is null && sends.Select(s => s.Channel.OtherUserId).FirstOrDefault(o => sends.All(s => s.AuthorId != o)) is { } other
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
    /// What storing one channel's sends came to: a result per send (new or, for a retry, the stored message), the new
    /// messages to publish, or the refusal every send gets when the channel is gone.
    /// </summary>
    private sealed record ChannelWrite(Guid ChannelId, ChatPendingSend[] Sends, ChatMessageView[] Results, List<ChatMessageView> Posted, ChatRefusedException? Refusal)
    {
        public string? Recipient { get; init; }

        public long RecipientRead { get; set; }
    }
}
