using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Chat;

public sealed partial class ChatService
{
    /// <summary>One sentence for every channel the caller may not use, so a refusal never tells whether it exists.</summary>
    public const string NoSuchChannel = "That channel does not exist, or you are not a member of it.";

    /// <summary>
    /// The caller's account as it is now: refused when it is gone, suspended, or its security stamp moved on since
    /// the caller signed in (password change, "sign out everywhere").
    /// </summary>
    private static async Task<CallerAccount> RequireAccountAsync(AppDbContext db, ChatCaller caller, CancellationToken cancellationToken) =>
        Valid(caller, await db.Users
            .Where(u => u.Id == caller.UserId)
            .Select(u => new CallerAccount(u.DisplayName, u.CreatedAt, u.SuspendedAt, u.SecurityStamp))
            .SingleOrDefaultAsync(cancellationToken));

    /// <summary>
    /// The caller's account if <see cref="Valid"/> would accept it (present, not suspended, the same security stamp), as
    /// a query, for reading a count inside another statement.
    /// </summary>
    internal static IQueryable<ApplicationUser> ValidAccount(AppDbContext db, ChatCaller caller)
    {
        var userId = caller.UserId;
        var stamp = caller.SecurityStamp;
        return db.Users.Where(u => u.Id == userId && u.SuspendedAt == null && (stamp == null || u.SecurityStamp == stamp));
    }

    private static CallerAccount Valid(ChatCaller caller, CallerAccount? account) =>
        account is null
        || account.SuspendedAt is not null
        || (caller.SecurityStamp is not null && caller.SecurityStamp != account.SecurityStamp)
            ? throw new ChatRefusedException("Your session has ended. Sign in again to use chat.") { EndsSession = true }
            : account;

    /// <summary>
    /// The channel if the caller may use it now: a group channel for the group's members (decided by
    /// <see cref="GroupAccess"/>), a direct conversation for its two participants.
    /// </summary>
    private static async Task<ChatChannelInfo> RequireChannelAsync(AppDbContext db, ChatCaller caller, Guid channelId, CancellationToken cancellationToken) =>
        (await RequireAccessAsync(db, caller, channelId, cancellationToken)).Channel;

    /// <summary>The caller's account (<see cref="RequireAccountAsync"/>) and the channel (<see cref="RequireChannelAsync"/>) in one statement.</summary>
    /// <remarks>
    /// The statement reads the account, the channel, the group, the caller's role and ban, their read position and
    /// the other participant's name. These were seven round trips on every chat call; with the send batching, a send
    /// went from 14 statements to 7, then 6 (Npgsql's operation counter over 20 sends from one member: 281, then 143,
    /// then 120).
    /// </remarks>
    private static async Task<(CallerAccount Account, ChatChannelInfo Channel)> RequireAccessAsync(
        AppDbContext db, ChatCaller caller, Guid channelId, CancellationToken cancellationToken)
    {
        var userId = caller.UserId;
        var row = await db.ChatChannels.AsNoTracking()
            .Where(c => c.Id == channelId)
            .Select(c => new
            {
                Account = db.Users.Where(u => u.Id == userId).Select(u => new CallerAccount(u.DisplayName, u.CreatedAt, u.SuspendedAt, u.SecurityStamp)).FirstOrDefault(),
                c.Id,
                c.GroupId,
                c.UserLowId,
                c.UserHighId,
                c.LastSeq,
                Group = db.Groups.AsNoTracking().FirstOrDefault(g => g.Id == c.GroupId),
                Role = db.GroupMemberships.Where(m => m.GroupId == c.GroupId && m.UserId == userId).Select(m => (GroupRole?)m.Role).FirstOrDefault(),
                Banned = db.GroupBans.Any(b => b.GroupId == c.GroupId && b.UserId == userId),
                LastRead = db.ChatReadPositions.Where(r => r.ChannelId == c.Id && r.UserId == userId).Select(r => r.LastReadSeq).FirstOrDefault(),
                OtherName = db.Users.Where(u => u.Id == (c.UserLowId == userId ? c.UserHighId : c.UserLowId)).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            // An ended session is told so (and closed) before anything about the channel.
            await RequireAccountAsync(db, caller, cancellationToken);
            throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        }

        var account = Valid(caller, row.Account);
        if (row.GroupId is { } groupId)
        {
            var access = row.Group is null ? null : new GroupAccess(row.Group, caller.Viewer, row.Role, row.Banned);
            if (access is null || !access.CanSee || !access.CanParticipate)
            {
                throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
            }

            return (account, new ChatChannelInfo(row.Id, groupId, access.Group.Name, null, access.CanModerate, row.LastSeq, row.LastRead, access.Group.Slug));
        }

        var channel = new ChatChannel { Id = row.Id, UserLowId = row.UserLowId, UserHighId = row.UserHighId };
        var other = channel.OtherParticipant(userId) ?? throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        return (account, new ChatChannelInfo(row.Id, null, row.OtherName ?? "Former member", other, false, row.LastSeq, row.LastRead));
    }

    private sealed record CallerAccount(string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, string? SecurityStamp);
}
