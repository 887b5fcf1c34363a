using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Chat;

public sealed partial class ChatService
{
    private readonly ChatSendBatches sends = new();

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
        return await sends.Add(channelId, send, WriteBatchAsync);
    }

    /// <summary>
    /// Stores a channel's waiting sends in one transaction, then publishes them in sequence order. Statements per
    /// batch: the channel row's lock (which also finds retries), the inserts with the counter's update, the senders'
    /// read positions, the commit.
    /// </summary>
    private async Task WriteBatchAsync(Guid channelId, IReadOnlyList<ChatPendingSend> batch)
    {
        var now = clock.GetUtcNow();
        var results = new ChatMessageView[batch.Count];
        var posted = new List<ChatMessageView>();
        long recipientRead = 0;
        await using var db = await contexts.CreateDbContextAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Guid[] clientIds = [.. batch.Select(s => s.ClientMessageId).Distinct()];
            var head = (await db.Database.SqlQuery<ChannelHead>(
                    $"""
                    SELECT c.last_seq,
                           ARRAY(SELECT m.client_message_id FROM chat_messages m WHERE m.channel_id = c.id AND m.client_message_id = ANY({clientIds})) AS stored
                    FROM chat_channels c WHERE c.id = {channelId} FOR UPDATE
                    """)
                .ToListAsync()).SingleOrDefault()
                ?? throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
            var known = head.Stored.Length == 0
                ? new Dictionary<Guid, ChatMessageView>()
                : (await ViewsAsync(db.ChatMessages.Where(m => m.ChannelId == channelId && head.Stored.Contains(m.ClientMessageId)), db, default))
                    .ToDictionary(v => v.ClientMessageId);
            var seq = head.LastSeq;
            foreach (var (index, send) in batch.Index())
            {
                if (known.TryGetValue(send.ClientMessageId, out var stored))
                {
                    // A retry (stored earlier, or twice in this batch): the stored message, and the allowance back.
                    results[index] = stored;
                    flood.Return(send.AuthorId, channelId);
                    continue;
                }

                var message = new ChatMessage
                {
                    ChannelId = channelId,
                    Seq = ++seq,
                    ClientMessageId = send.ClientMessageId,
                    AuthorId = send.AuthorId,
                    Body = send.Body,
                    CreatedAt = now,
                };
                db.ChatMessages.Add(message);
                await StageNotificationsAsync(db, send.Channel, message, send.AuthorName, default);
                results[index] = known[send.ClientMessageId] = View(message, send.AuthorName);
                posted.Add(results[index]);
            }

            if (posted.Count > 0)
            {
                var row = db.ChatChannels.Attach(new ChatChannel { Id = channelId, LastSeq = head.LastSeq });
                row.Entity.LastSeq = seq;
                row.Entity.LastMessageAt = now;
                await db.SaveChangesAsync();
                var authors = posted.GroupBy(m => m.AuthorId!, StringComparer.Ordinal).Select(g => (UserId: g.Key, Seq: g.Max(m => m.Seq))).ToList();
                await AdvanceReadAsync(db, channelId, [.. authors.Select(a => a.UserId)], [.. authors.Select(a => a.Seq)], now);
                if (Recipient(batch) is { } recipient)
                {
                    recipientRead = await ReadSeqAsync(db, channelId, recipient, default);
                }

                await tx.CommitAsync();
            }
        }

        await PublishAsync(channelId, batch, posted, recipientRead);
        foreach (var (index, send) in batch.Index())
        {
            send.Completion.TrySetResult(results[index]);
        }
    }

    /// <summary>The messages in sequence order, then each sender's and a direct conversation's other reader's position.</summary>
    private async Task PublishAsync(Guid channelId, IReadOnlyList<ChatPendingSend> batch, List<ChatMessageView> posted, long recipientRead)
    {
        if (posted.Count == 0)
        {
            return;
        }

        var topic = LiveTopics.Chat(channelId);
        foreach (var view in posted)
        {
            await live.PublishAsync(topic, new ChatMessageChanged(ChatChange.Posted, view));
        }

        var lastSeq = posted[^1].Seq;
        foreach (var author in posted.GroupBy(m => m.AuthorId!, StringComparer.Ordinal))
        {
            await live.PublishAsync(LiveTopics.User(author.Key), new ChatReadState(channelId, author.Max(m => m.Seq), lastSeq));
            await presence.TouchAsync(author.Key);
        }

        if (Recipient(batch) is { } recipient)
        {
            // The other participant's unread count moved: their badges and hub clients hear it without joining the channel.
            await live.PublishAsync(LiveTopics.User(recipient), new ChatReadState(channelId, recipientRead, lastSeq));
        }
    }

    /// <summary>In a direct conversation, the participant who sent nothing in this batch (the one to tell of unread messages).</summary>
    private static string? Recipient(IReadOnlyList<ChatPendingSend> batch) =>
        batch[0].Channel.GroupId is null && batch.Select(s => s.Channel.OtherUserId).FirstOrDefault(o => batch.All(s => s.AuthorId != o)) is { } other
            ? other
            : null;

    private static Task AdvanceReadAsync(AppDbContext db, Guid channelId, string[] userIds, long[] seqs, DateTimeOffset now) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO chat_read_positions (channel_id, user_id, last_read_seq, updated_at)
            SELECT {channelId}, r.user_id, r.seq, {now} FROM unnest({userIds}, {seqs}) AS r(user_id, seq)
            ON CONFLICT (channel_id, user_id) DO UPDATE
            SET last_read_seq = GREATEST(chat_read_positions.last_read_seq, EXCLUDED.last_read_seq), updated_at = EXCLUDED.updated_at
            """);

    private sealed record ChannelHead(long LastSeq, Guid[] Stored);
}
