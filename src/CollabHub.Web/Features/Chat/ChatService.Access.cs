using System.Linq.Expressions;
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
    /// Whether an account row is the caller's and <see cref="Valid"/> would accept it (not suspended, the same security
    /// stamp as the caller's sign-in, when it carries one), as an expression over the caller's values, for reading a
    /// count inside another statement, compiled or not (through <see cref="QueryRule"/>).
    /// </summary>
    internal static readonly Expression<Func<ApplicationUser, string, string?, bool>> ValidAccount =
        (u, userId, stamp) => u.Id == userId && u.SuspendedAt == null && (stamp == null || u.SecurityStamp == stamp);

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
                Channel = new ChannelAccess(
                    c.Id,
                    c.GroupId,
                    c.UserLowId,
                    c.UserHighId,
                    c.LastSeq,
                    db.Groups.AsNoTracking().FirstOrDefault(g => g.Id == c.GroupId),
                    db.GroupMemberships.Where(m => m.GroupId == c.GroupId && m.UserId == userId).Select(m => (GroupRole?)m.Role).FirstOrDefault(),
                    db.GroupBans.Any(b => b.GroupId == c.GroupId && b.UserId == userId),
                    db.ChatReadPositions.Where(r => r.ChannelId == c.Id && r.UserId == userId).Select(r => r.LastReadSeq).FirstOrDefault(),
                    db.Users.Where(u => u.Id == (c.UserLowId == userId ? c.UserHighId : c.UserLowId)).Select(u => u.DisplayName).FirstOrDefault()),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            // An ended session is told so (and closed) before anything about the channel.
            await RequireAccountAsync(db, caller, cancellationToken);
            throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        }

        return Decide(caller, row.Account, row.Channel);
    }

    /// <summary>
    /// Whether <paramref name="caller"/> may use <paramref name="channel"/> (null when it does not exist): an ended
    /// session is refused first, then a group channel for anyone but the group's members (decided by
    /// <see cref="GroupAccess"/>), and a direct conversation for anyone but its two participants.
    /// </summary>
    private static (CallerAccount Account, ChatChannelInfo Channel) Decide(ChatCaller caller, CallerAccount? found, ChannelAccess? channel)
    {
        var account = Valid(caller, found);
        if (channel is null)
        {
            throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        }

        if (channel.GroupId is { } groupId)
        {
            var access = channel.Group is null ? null : new GroupAccess(channel.Group, caller.Viewer, channel.Role, channel.Banned);
            if (access is null || !access.CanSee || !access.CanParticipate)
            {
                throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
            }

            return (account, new ChatChannelInfo(channel.Id, groupId, access.Group.Name, null, access.CanModerate, channel.LastSeq, channel.LastRead, access.Group.Slug));
        }

        var row = new ChatChannel { Id = channel.Id, UserLowId = channel.UserLowId, UserHighId = channel.UserHighId };
        var other = row.OtherParticipant(caller.UserId) ?? throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        return (account, new ChatChannelInfo(channel.Id, null, channel.OtherName ?? "Former member", other, false, channel.LastSeq, channel.LastRead));
    }

    /// <summary>A channel as one caller reaches it: its group, the caller's role and ban there, their read position, the other participant's name.</summary>
    private sealed record ChannelAccess(
        Guid Id, Guid? GroupId, string? UserLowId, string? UserHighId, long LastSeq, Group? Group, GroupRole? Role, bool Banned, long LastRead, string? OtherName);

    /// <summary>What a sender may do in a channel of a batch: the account and channel, or the refusal their send gets.</summary>
    private sealed record SendAccess(CallerAccount? Account, ChatChannelInfo? Channel, ChatRefusedException? Refusal);

    private sealed record CallerAccount(string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, string? SecurityStamp);
}
