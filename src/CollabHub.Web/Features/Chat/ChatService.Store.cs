using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Chat;

public sealed partial class ChatService
{
    /// <summary>
    /// One transaction for the given channels' sends, in two round trips however many channels and senders there are:
    /// the transaction's start with the channel rows' locks and every sender's account and access
    /// (<see cref="LockAsync"/>, which also finds retries), then the messages with everything they change and the commit
    /// (<see cref="WriteAsync"/>). A retry adds one statement (the stored messages), a message that notifies someone one
    /// more (the notifications).
    /// </summary>
    /// <remarks>
    /// It was eight: the locks, the accounts, the channels again for access, EF's savepoint, the inserts, the
    /// savepoint's release, the read positions, the commit (Npgsql's command activities for one batch, counted in
    /// ChatLaneTests), then three with the commit on its own. Each waited on PostgreSQL, which in the benchmark shares a
    /// core with the load generator, so each paid that core's scheduling latency as well. The transaction is begun and
    /// committed in SQL, riding on the first and last statements, because an <c>NpgsqlTransaction</c>'s commit is a
    /// round trip of its own. If anything fails before the commit, the transaction is left open and Npgsql rolls it back
    /// when the connection goes back to its pool (as it does for any transaction begun in SQL); a failed statement
    /// fails the whole batch (each channel is then written on its own, in a new transaction), so no savepoint is needed.
    /// The transaction runs its statements on their generic plans (<c>SET LOCAL plan_cache_mode</c>, gone at its end):
    /// Npgsql prepares them, but PostgreSQL kept choosing custom plans, since a custom plan knows the arrays' lengths,
    /// and so planned both statements for every batch (pg_stat_statements in a quick benchmark run: 444 plans in 468
    /// lock statements at 0.74 ms each, 398 in 387 writes at 0.24 ms). On the generic plans nothing is planned once a
    /// connection has them, the lock statement runs about as fast and the write faster: PostgreSQL's time a batch went
    /// from 3.4 ms to 2.4 ms.
    /// </remarks>
    private async Task<List<ChannelWrite>> StoreAsync(List<ChatPendingSend[]> channels)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync();
        // SaveChanges (the notifications a message causes) runs inside the transaction begun in SQL, not in one of its own.
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        await db.Database.OpenConnectionAsync();
        var (heads, access) = await LockAsync(db, channels);
        Guid[] stored = [.. heads.Values.SelectMany(h => h.Stored).Distinct()];
        Guid[] channelIds = [.. heads.Keys];
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
            if (db.ChangeTracker.HasChanges())
            {
                // Only the notifications a message causes (a direct message to someone away, a mention) are tracked.
                await db.SaveChangesAsync();
            }

            await WriteAsync(db, posting, now);
            perCommit.Record(posting.Sum(w => w.Posted.Count));
        }

        return writes;
    }

    /// <summary>
    /// Locks the channels' rows in id order (so two transactions locking several channels never wait on each other in
    /// a circle) and, in the same statement, reads for every sender and channel what <see cref="Decide"/> needs: the
    /// account, the channel, its group, the sender's role and ban there, the other participant's name; and which of
    /// the batch's client message ids each channel has stored already. A refusal is kept for its send, not thrown.
    /// </summary>
    private static async Task<(Dictionary<Guid, ChannelHead> Heads, Dictionary<(string UserId, Guid ChannelId), SendAccess> Access)> LockAsync(
        AppDbContext db, List<ChatPendingSend[]> channels)
    {
        var callers = channels
            .SelectMany(c => c)
            .DistinctBy(s => (s.Caller.UserId, s.ChannelId))
            .ToDictionary(s => (s.Caller.UserId, s.ChannelId), s => s.Caller);
        Guid[] channelIds = [.. channels.Select(c => c[0].ChannelId)];
        Guid[] pairChannels = [.. callers.Keys.Select(k => k.ChannelId)];
        string[] pairUsers = [.. callers.Keys.Select(k => k.UserId)];
        Guid[] clientIds = [.. channels.SelectMany(c => c).Select(s => s.ClientMessageId).Distinct()];
        var rows = await db.Database.SqlQuery<SenderRow>(
                $"""
                BEGIN;
                SET LOCAL plan_cache_mode = force_generic_plan;
                WITH locked AS MATERIALIZED (
                    SELECT id, group_id, user_low_id, user_high_id, last_seq FROM chat_channels WHERE id = ANY({channelIds}) ORDER BY id FOR UPDATE
                )
                SELECT s.channel_id, s.user_id,
                       u.display_name, u.created_at, u.suspended_at, u.security_stamp,
                       c.group_id, c.user_low_id, c.user_high_id, c.last_seq,
                       g.name AS group_name, g.slug AS group_slug, g.visibility AS group_visibility,
                       g.join_policy AS group_join_policy, m.role,
                       EXISTS (SELECT 1 FROM group_bans b WHERE b.group_id = c.group_id AND b.user_id = s.user_id) AS banned,
                       (SELECT o.display_name FROM users o WHERE o.id = CASE WHEN c.user_low_id = s.user_id THEN c.user_high_id ELSE c.user_low_id END) AS other_name,
                       ARRAY(SELECT k.client_message_id FROM chat_messages k WHERE k.channel_id = c.id AND k.client_message_id = ANY({clientIds})) AS stored
                FROM unnest({pairChannels}, {pairUsers}) AS s(channel_id, user_id)
                LEFT JOIN users u ON u.id = s.user_id
                LEFT JOIN locked c ON c.id = s.channel_id
                LEFT JOIN groups g ON g.id = c.group_id
                LEFT JOIN group_memberships m ON m.group_id = c.group_id AND m.user_id = s.user_id
                """)
            .ToListAsync();

        var heads = new Dictionary<Guid, ChannelHead>();
        var access = new Dictionary<(string UserId, Guid ChannelId), SendAccess>();
        foreach (var row in rows)
        {
            if (row.LastSeq is { } lastSeq)
            {
                heads[row.ChannelId] = new ChannelHead(row.ChannelId, lastSeq, row.Stored);
            }

            try
            {
                var (account, channel) = Decide(callers[(row.UserId, row.ChannelId)], row.Account, row.Channel);
                access[(row.UserId, row.ChannelId)] = new SendAccess(account, channel, null);
            }
            catch (ChatRefusedException refused)
            {
                access[(row.UserId, row.ChannelId)] = new SendAccess(null, null, refused);
            }
        }

        return (heads, access);
    }

    /// <summary>
    /// Everything the posted messages change, in one statement followed by the transaction's commit in the same round trip: the messages, their channels' last sequence numbers,
    /// each sender's read position (they have read what they sent); it returns where each direct conversation's other
    /// reader stands, for their unread count. The final SELECT sees the table as it was before the statement, which is
    /// right: that reader sent nothing in this batch, so their position is not one of those moved here.
    /// </summary>
    private static async Task WriteAsync(AppDbContext db, List<ChannelWrite> posting, DateTimeOffset now)
    {
        var messages = posting.SelectMany(w => w.New).ToList();
        Guid[] ids = [.. messages.Select(m => m.Id)];
        Guid[] channelIds = [.. messages.Select(m => m.ChannelId)];
        long[] seqs = [.. messages.Select(m => m.Seq)];
        Guid[] clientIds = [.. messages.Select(m => m.ClientMessageId)];
        string[] authorIds = [.. messages.Select(m => m.AuthorId!)];
        string[] bodies = [.. messages.Select(m => m.Body)];
        Guid[] headIds = [.. posting.Select(w => w.ChannelId)];
        long[] headSeqs = [.. posting.Select(w => w.Posted[^1].Seq)];
        var authors = posting
            .SelectMany(w => w.Posted.GroupBy(m => m.AuthorId!, StringComparer.Ordinal).Select(g => (w.ChannelId, UserId: g.Key, Seq: g.Max(m => m.Seq))))
            .ToList();
        Guid[] readChannels = [.. authors.Select(a => a.ChannelId)];
        string[] readUsers = [.. authors.Select(a => a.UserId)];
        long[] readSeqs = [.. authors.Select(a => a.Seq)];
        var told = posting.Where(w => w.Recipient is not null).ToList();
        Guid[] toldChannels = [.. told.Select(w => w.ChannelId)];
        string[] toldUsers = [.. told.Select(w => w.Recipient!)];

        var positions = await db.Database.SqlQuery<ReaderPosition>(
                $"""
                WITH messages AS (
                    INSERT INTO chat_messages (id, channel_id, seq, client_message_id, author_id, body, created_at)
                    SELECT m.id, m.channel_id, m.seq, m.client_message_id, m.author_id, m.body, {now}
                    FROM unnest({ids}, {channelIds}, {seqs}, {clientIds}, {authorIds}, {bodies}) AS m(id, channel_id, seq, client_message_id, author_id, body)
                ), heads AS (
                    UPDATE chat_channels c SET last_seq = h.last_seq, last_message_at = {now}
                    FROM unnest({headIds}, {headSeqs}) AS h(id, last_seq) WHERE c.id = h.id
                ), senders AS (
                    INSERT INTO chat_read_positions (channel_id, user_id, last_read_seq, updated_at)
                    SELECT r.channel_id, r.user_id, r.seq, {now} FROM unnest({readChannels}, {readUsers}, {readSeqs}) AS r(channel_id, user_id, seq)
                    ON CONFLICT (channel_id, user_id) DO UPDATE
                    SET last_read_seq = GREATEST(chat_read_positions.last_read_seq, EXCLUDED.last_read_seq), updated_at = EXCLUDED.updated_at
                )
                SELECT r.channel_id, r.last_read_seq FROM chat_read_positions r
                JOIN unnest({toldChannels}, {toldUsers}) AS w(channel_id, user_id) ON r.channel_id = w.channel_id AND r.user_id = w.user_id;
                COMMIT
                """)
            .ToDictionaryAsync(p => p.ChannelId, p => p.LastReadSeq);
        foreach (var write in told)
        {
            write.RecipientRead = positions.GetValueOrDefault(write.ChannelId);
        }
    }

    private sealed record ChannelHead(Guid Id, long LastSeq, Guid[] Stored);

    private sealed record ReaderPosition(Guid ChannelId, long LastReadSeq);

    /// <summary>
    /// One sender in one channel of a batch, as <see cref="LockAsync"/> reads them: a missing account, channel or group
    /// reads as nulls in columns that are never null in their tables (display name, last sequence number, group name).
    /// </summary>
    private sealed record SenderRow(
        Guid ChannelId,
        string UserId,
        string? DisplayName,
        DateTimeOffset? CreatedAt,
        DateTimeOffset? SuspendedAt,
        string? SecurityStamp,
        Guid? GroupId,
        string? UserLowId,
        string? UserHighId,
        long? LastSeq,
        string? GroupName,
        string? GroupSlug,
        GroupVisibility? GroupVisibility,
        GroupJoinPolicy? GroupJoinPolicy,
        GroupRole? Role,
        bool Banned,
        string? OtherName,
        Guid[] Stored)
    {
        public CallerAccount? Account => DisplayName is { } name && CreatedAt is { } created
            ? new CallerAccount(name, created, SuspendedAt, SecurityStamp)
            : null;

        public ChannelAccess? Channel => LastSeq is { } lastSeq
            ? new ChannelAccess(ChannelId, GroupId, UserLowId, UserHighId, lastSeq, Group, Role, Banned, 0, OtherName)
            : null;

        /// <summary>The group's fields that <see cref="GroupAccess"/> and the channel's title and link read.</summary>
        private Group? Group => GroupId is { } id && GroupName is { } name && GroupSlug is { } slug && GroupVisibility is { } visibility && GroupJoinPolicy is { } joinPolicy
            ? new Group { Id = id, Name = name, Slug = slug, Visibility = visibility, JoinPolicy = joinPolicy }
            : null;
    }
}
