using System.Diagnostics.Metrics;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Chat messages: send, edit, delete, history, catch-up, read positions. Every method checks the caller's account and
/// their access to the channel afresh (<c>ChatService.Access.cs</c>), changes the database in one transaction, and
/// publishes once to <see cref="LiveTopics.Chat"/> after commit; the hub relay and open chat panels both listen there.
/// Lists and channels are in <c>ChatService.Channels.cs</c>.
/// </summary>
public sealed partial class ChatService(
    IDbContextFactory<AppDbContext> contexts,
    ILiveEvents live,
    ChatFloodGate flood,
    ChatPresence presence,
    PostMarkup markup,
    INotifier notifier,
    TimeProvider clock,
    IOptions<ChatOptions> options,
    IMeterFactory meters)
{
    public const string MeterName = "CollabHub.Chat";

    /// <summary>How many new messages each commit stored (a histogram): above one when sends in a lane were written together.</summary>
    public const string BatchSizeInstrument = "collabhub.chat.messages_per_commit";

    /// <summary>The most messages one history or catch-up call returns.</summary>
    public const int PageSize = 100;

    public async Task<ChatMessageView> EditAsync(
        ChatCaller caller, Guid channelId, long seq, string? body, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (account, _) = await RequireAccessAsync(db, caller, channelId, cancellationToken);
        var message = await RequireMessageAsync(db, channelId, seq, cancellationToken);
        message.Edit(caller.UserId, body ?? "", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var view = View(message, account.DisplayName);
        await live.PublishAsync(LiveTopics.Chat(channelId), new ChatMessageChanged(ChatChange.Edited, view), cancellationToken);
        return view;
    }

    /// <summary>Deletes one's own message, or any as the channel's moderator; the row stays as a tombstone.</summary>
    public async Task<ChatMessageView> DeleteAsync(ChatCaller caller, Guid channelId, long seq, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (_, channel) = await RequireAccessAsync(db, caller, channelId, cancellationToken);
        var message = await RequireMessageAsync(db, channelId, seq, cancellationToken);
        message.Delete(caller.UserId, channel.CanModerate, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var view = (await ViewsAsync(db.ChatMessages.Where(m => m.Id == message.Id), db, cancellationToken)).Single();
        await live.PublishAsync(LiveTopics.Chat(channelId), new ChatMessageChanged(ChatChange.Deleted, view), cancellationToken);
        return view;
    }

    /// <summary>Up to <paramref name="limit"/> (at most <see cref="PageSize"/>) messages before <paramref name="beforeSeq"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ChatMessageView>> HistoryAsync(
        ChatCaller caller, Guid channelId, long beforeSeq, int limit = PageSize, CancellationToken cancellationToken = default)
    {
        var page = await PageAsync(caller, channelId, m => m.Where(x => x.Seq < beforeSeq).OrderByDescending(x => x.Seq), limit, cancellationToken);
        return [.. page.OrderBy(v => v.Seq)];
    }

    /// <summary>Up to <paramref name="limit"/> (at most <see cref="PageSize"/>) messages after <paramref name="afterSeq"/>, oldest first: the catch-up call.</summary>
    public async Task<IReadOnlyList<ChatMessageView>> AfterAsync(
        ChatCaller caller, Guid channelId, long afterSeq, int limit = PageSize, CancellationToken cancellationToken = default) =>
        await PageAsync(caller, channelId, m => m.Where(x => x.Seq > afterSeq).OrderBy(x => x.Seq), limit, cancellationToken);

    /// <summary>Tells the channel the caller is typing; nothing is stored.</summary>
    public async Task TypingAsync(ChatCaller caller, Guid channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (account, _) = await RequireAccessAsync(db, caller, channelId, cancellationToken);
        var typing = new ChatTyping(channelId, caller.UserId, account.DisplayName, clock.GetUtcNow() + options.Value.TypingDuration);
        await live.PublishAsync(LiveTopics.Chat(channelId), typing, cancellationToken);
        await presence.TouchAsync(caller.UserId);
    }

    /// <summary>
    /// Moves the caller's read position forward (never back) and tells their other devices. The access check reads
    /// where the position stands, so a position already there (another tab of theirs stored it) writes nothing, and
    /// moving it is one statement that also says where it ended up: two statements at most, where it was three (the
    /// check, the write, reading it back), for every open tab each time a message is read.
    /// </summary>
    public async Task<ChatReadState> MarkReadAsync(ChatCaller caller, Guid channelId, long seq, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (_, channel) = await RequireAccessAsync(db, caller, channelId, cancellationToken);
        var upTo = Math.Clamp(seq, 0, channel.LastSeq);
        var read = upTo <= channel.LastReadSeq
            ? channel.LastReadSeq
            : await AdvanceReadAsync(db, channelId, caller.UserId, upTo, clock.GetUtcNow(), cancellationToken);
        var state = new ChatReadState(channelId, read, channel.LastSeq);
        await live.PublishAsync(LiveTopics.User(caller.UserId), state, cancellationToken);
        await presence.TouchAsync(caller.UserId);
        return state;
    }

    /// <summary>One range scan on (channel_id, seq), after the access checks every read makes.</summary>
    private async Task<List<ChatMessageView>> PageAsync(
        ChatCaller caller, Guid channelId, Func<IQueryable<ChatMessage>, IQueryable<ChatMessage>> range, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireAccessAsync(db, caller, channelId, cancellationToken);
        var page = range(db.ChatMessages.Where(m => m.ChannelId == channelId)).Take(Math.Clamp(limit, 1, PageSize));
        return await ViewsAsync(page, db, cancellationToken);
    }

    /// <summary>Moves the position to <paramref name="seq"/> unless it is further already; returns where it stands.</summary>
    private static async Task<long> AdvanceReadAsync(
        AppDbContext db, Guid channelId, string userId, long seq, DateTimeOffset now, CancellationToken cancellationToken) =>
        // Not composed on (no First/Single in SQL): PostgreSQL cannot run an INSERT ... RETURNING as a subquery.
        (await db.Database.SqlQuery<long>(
            $"""
            INSERT INTO chat_read_positions (channel_id, user_id, last_read_seq, updated_at)
            VALUES ({channelId}, {userId}, {seq}, {now})
            ON CONFLICT (channel_id, user_id) DO UPDATE
            SET last_read_seq = GREATEST(chat_read_positions.last_read_seq, EXCLUDED.last_read_seq), updated_at = EXCLUDED.updated_at
            RETURNING last_read_seq AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    private static async Task<ChatMessage> RequireMessageAsync(AppDbContext db, Guid channelId, long seq, CancellationToken cancellationToken) =>
        await db.ChatMessages.SingleOrDefaultAsync(m => m.ChannelId == channelId && m.Seq == seq, cancellationToken)
            ?? throw new ChatRefusedException("That message does not exist.");

    private static async Task<List<ChatMessageView>> ViewsAsync(IQueryable<ChatMessage> messages, AppDbContext db, CancellationToken cancellationToken) =>
        await messages
            .Select(m => new ChatMessageView(
                m.ChannelId,
                m.Seq,
                m.Id,
                m.ClientMessageId,
                m.AuthorId,
                db.Users.Where(u => u.Id == m.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? "Former member",
                m.Body,
                m.CreatedAt,
                m.EditedAt,
                m.DeletedAt != null))
            .ToListAsync(cancellationToken);

    private static ChatMessageView View(ChatMessage m, string authorName) =>
        new(m.ChannelId, m.Seq, m.Id, m.ClientMessageId, m.AuthorId, authorName, m.Body, m.CreatedAt, m.EditedAt, m.IsDeleted);
}
