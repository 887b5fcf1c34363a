using System.Linq.Expressions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Chat;

public sealed partial class ChatService
{
    /// <summary>The channel as the caller may use it now; refused (without saying whether it exists) otherwise.</summary>
    public async Task<ChatChannelInfo> GetChannelAsync(ChatCaller caller, Guid channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RequireChannelAsync(db, caller, channelId, cancellationToken);
    }

    /// <summary>A group's channel for one of its members, created on first use.</summary>
    public async Task<ChatChannelInfo> OpenGroupChannelAsync(ChatCaller caller, Guid groupId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireAccountAsync(db, caller, cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Id == groupId, caller.Viewer, cancellationToken);
        if (access is null || !access.CanParticipate)
        {
            throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        }

        // Concurrent first uses race to insert; the unique index on group_id lets exactly one win.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO chat_channels (id, group_id, last_seq, created_at) VALUES ({Guid.CreateVersion7()}, {groupId}, 0, {clock.GetUtcNow()}) ON CONFLICT (group_id) DO NOTHING",
            cancellationToken);
        var channelId = await db.ChatChannels.Where(c => c.GroupId == groupId).Select(c => c.Id).SingleAsync(cancellationToken);
        return await RequireChannelAsync(db, caller, channelId, cancellationToken);
    }

    /// <summary>
    /// The direct conversation between the caller and <paramref name="otherUserId"/>, created on first use. Allowed
    /// when the two share a group, or the caller is an administrator.
    /// </summary>
    public async Task<ChatChannelInfo> OpenDirectAsync(ChatCaller caller, string otherUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireAccountAsync(db, caller, cancellationToken);
        var (low, high) = ChatChannel.Pair(caller.UserId, otherUserId);
        var existing = await db.ChatChannels.Where(c => c.UserLowId == low && c.UserHighId == high).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            if (!await ReachableAsync(db, caller, otherUserId, cancellationToken))
            {
                throw new ChatRefusedException("You can message members who share a group with you.");
            }

            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO chat_channels (id, user_low_id, user_high_id, last_seq, created_at) VALUES ({Guid.CreateVersion7()}, {low}, {high}, 0, {clock.GetUtcNow()}) ON CONFLICT (user_low_id, user_high_id) DO NOTHING",
                cancellationToken);
            existing = await db.ChatChannels.Where(c => c.UserLowId == low && c.UserHighId == high).Select(c => c.Id).SingleAsync(cancellationToken);
        }

        return await RequireChannelAsync(db, caller, existing.Value, cancellationToken);
    }

    /// <summary>
    /// Whether the caller may open a conversation with <paramref name="otherUserId"/> (the rule
    /// <see cref="OpenDirectAsync"/> applies), or already has one; false for themselves and for anyone unknown.
    /// </summary>
    public async Task<bool> CanMessageAsync(ChatCaller caller, string otherUserId, CancellationToken cancellationToken = default)
    {
        if (string.Equals(caller.UserId, otherUserId, StringComparison.Ordinal))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireAccountAsync(db, caller, cancellationToken);
        var (low, high) = ChatChannel.Pair(caller.UserId, otherUserId);
        return await db.ChatChannels.AnyAsync(c => c.UserLowId == low && c.UserHighId == high, cancellationToken)
            || await ReachableAsync(db, caller, otherUserId, cancellationToken);
    }

    /// <summary>The channel's readers (group members, or the two participants), for "who is here" and mentions.</summary>
    public async Task<IReadOnlyList<ChatMember>> MembersAsync(ChatCaller caller, Guid channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await RequireChannelAsync(db, caller, channelId, cancellationToken);
        return await ReadersOf(db, channel, caller.UserId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new ChatMember(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The caller's channels with unread counts: their groups' channels and their direct conversations.</summary>
    public async Task<IReadOnlyList<ChatChannelSummary>> ChannelsAsync(ChatCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireAccountAsync(db, caller, cancellationToken);
        var userId = caller.UserId;
        var rows = await ChannelsOf(db, userId)
            .Select(c => new
            {
                c.Id,
                c.GroupId,
                Other = c.UserLowId == userId ? c.UserHighId : c.UserLowId,
                c.LastSeq,
                c.LastMessageAt,
                Read = db.ChatReadPositions.Where(r => r.ChannelId == c.Id && r.UserId == userId).Select(r => (long?)r.LastReadSeq).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var groupIds = rows.Where(r => r.GroupId is not null).Select(r => r.GroupId!.Value).ToList();
        var groups = await db.Groups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => (g.Slug, g.Name), cancellationToken);
        var otherIds = rows.Where(r => r.GroupId is null).Select(r => r.Other!).ToList();
        var names = await db.Users.Where(u => otherIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. rows
            .Select(r => r.GroupId is { } groupId
                ? new ChatChannelSummary(r.Id, groupId, groups[groupId].Slug, groups[groupId].Name, null, r.LastSeq - (r.Read ?? 0), r.LastMessageAt, r.LastSeq)
                : new ChatChannelSummary(r.Id, null, null, names.GetValueOrDefault(r.Other!, "Former member"), r.Other, r.LastSeq - (r.Read ?? 0), r.LastMessageAt, r.LastSeq))
            .OrderByDescending(s => s.LastMessageAt ?? DateTimeOffset.MinValue)];
    }

    /// <summary>
    /// Read and latest positions in each of the caller's channels, for the unread badges every signed-in page shows:
    /// two statements, where <see cref="ChannelsAsync"/> also names each channel (four).
    /// </summary>
    public async Task<IReadOnlyList<ChatUnread>> UnreadAsync(ChatCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireAccountAsync(db, caller, cancellationToken);
        var userId = caller.UserId;
        return await ChannelsOf(db, userId)
            .Select(c => new ChatUnread(
                c.Id,
                c.GroupId,
                db.ChatReadPositions.Where(r => r.ChannelId == c.Id && r.UserId == userId).Select(r => (long?)r.LastReadSeq).FirstOrDefault() ?? 0,
                c.LastSeq))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Unread messages in a member's direct conversations (each never below zero), summed, for counting them inside
    /// another statement, compiled or not (through <see cref="QueryRule"/>): the same positions <see cref="UnreadAsync"/>
    /// reads, which the navigation's badge sums.
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, string, long>> DirectUnread =
        (db, userId) => db.ChatChannels
            .Where(c => c.GroupId == null && (c.UserLowId == userId || c.UserHighId == userId))
            .Select(c => c.LastSeq - (db.ChatReadPositions.Where(r => r.ChannelId == c.Id && r.UserId == userId).Select(r => (long?)r.LastReadSeq).FirstOrDefault() ?? 0))
            .Select(unread => Math.Max(unread, 0))
            .Sum();

    /// <summary>Ids of every channel <paramref name="userId"/> may use, for routing presence and unread changes.</summary>
    public async Task<IReadOnlyList<Guid>> ChannelIdsOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ChannelsOf(db, userId).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A new conversation needs an active account on the other side and a shared group, unless an administrator asks.</summary>
    private static Task<bool> ReachableAsync(AppDbContext db, ChatCaller caller, string otherUserId, CancellationToken cancellationToken) =>
        Reachable(db, caller).AnyAsync(u => u.Id == otherUserId, cancellationToken);

    /// <summary>Whom the caller may start a conversation with: members who are not suspended and share a group with them (any, for an administrator).</summary>
    private static IQueryable<ApplicationUser> Reachable(AppDbContext db, ChatCaller caller)
    {
        var users = db.Users.Where(u => u.SuspendedAt == null);
        return caller.IsAdministrator ? users
            : users.Where(u => db.GroupMemberships.Any(m => m.UserId == caller.UserId && db.GroupMemberships.Any(o => o.GroupId == m.GroupId && o.UserId == u.Id)));
    }

    /// <summary>
    /// Up to <paramref name="limit"/> members, by name, whose names hold every word of <paramref name="search"/> and
    /// whom the caller may message (the rule <see cref="OpenDirectAsync"/> applies, or a conversation they already
    /// have), never the caller: how a member finds a colleague to write to without knowing their profile's address.
    /// </summary>
    public async Task<IReadOnlyList<ChatMember>> FindColleaguesAsync(ChatCaller caller, string? search, int limit, CancellationToken cancellationToken = default)
    {
        var words = SearchTerms.Words(search, ColleagueSearchMaxLength);
        if (words.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireAccountAsync(db, caller, cancellationToken);
        var me = caller.UserId;
        var talkedTo = db.ChatChannels.Where(c => c.UserLowId == me || c.UserHighId == me).Select(c => c.UserLowId == me ? c.UserHighId : c.UserLowId);
        var reachable = Reachable(db, caller).Select(u => u.Id);
        var users = db.Users.Where(u => u.Id != me && (reachable.Contains(u.Id) || talkedTo.Contains(u.Id)));
        foreach (var word in words)
        {
            var pattern = SearchTerms.ContainsPattern(word);
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern, "\\"));
        }

        return await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(limit)
            .Select(u => new ChatMember(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    /// <summary>How much of a colleague's name is searched for.</summary>
    public const int ColleagueSearchMaxLength = 100;

    /// <summary>Who reads a channel: its group's members, or the two participants of a conversation.</summary>
    private static IQueryable<ApplicationUser> ReadersOf(AppDbContext db, ChatChannelInfo channel, string callerId) =>
        channel.GroupId is { } groupId
            ? db.Users.Where(u => db.GroupMemberships.Any(m => m.GroupId == groupId && m.UserId == u.Id))
            : db.Users.Where(u => u.Id == callerId || u.Id == channel.OtherUserId);

    private static IQueryable<ChatChannel> ChannelsOf(AppDbContext db, string userId) =>
        db.ChatChannels.Where(c =>
            (c.GroupId != null && db.GroupMemberships.Any(m => m.GroupId == c.GroupId && m.UserId == userId))
            || c.UserLowId == userId
            || c.UserHighId == userId);
}
