using CollabHub.Web.Features.Groups;
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
    private static async Task<CallerAccount> RequireAccountAsync(AppDbContext db, ChatCaller caller, CancellationToken cancellationToken)
    {
        var account = await db.Users
            .Where(u => u.Id == caller.UserId)
            .Select(u => new CallerAccount(u.DisplayName, u.CreatedAt, u.SuspendedAt, u.SecurityStamp))
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null
            || account.SuspendedAt is not null
            || (caller.SecurityStamp is not null && caller.SecurityStamp != account.SecurityStamp))
        {
            throw new ChatRefusedException("Your session has ended. Sign in again to use chat.") { EndsSession = true };
        }

        return account;
    }

    /// <summary>
    /// The channel if the caller may use it now: a group channel for the group's members (decided by
    /// <see cref="GroupAccess"/>), a direct conversation for its two participants.
    /// </summary>
    /// <remarks>
    /// One statement reads the channel, the group, the caller's role and ban, their read position and the other
    /// participant's name: it used to be six round trips, the larger part of every send (measured: 13 statements per
    /// send before, see the README's Performance section).
    /// </remarks>
    private static async Task<ChatChannelInfo> RequireChannelAsync(AppDbContext db, ChatCaller caller, Guid channelId, CancellationToken cancellationToken)
    {
        var userId = caller.UserId;
        var row = await db.ChatChannels.AsNoTracking()
            .Where(c => c.Id == channelId)
            .Select(c => new
            {
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
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        if (row.GroupId is { } groupId)
        {
            var access = row.Group is null ? null : new GroupAccess(row.Group, caller.Viewer, row.Role, row.Banned);
            if (access is null || !access.CanSee || !access.CanParticipate)
            {
                throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
            }

            return new ChatChannelInfo(row.Id, groupId, access.Group.Name, null, access.CanModerate, row.LastSeq, row.LastRead, access.Group.Slug);
        }

        var channel = new ChatChannel { Id = row.Id, UserLowId = row.UserLowId, UserHighId = row.UserHighId };
        var other = channel.OtherParticipant(userId) ?? throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        return new ChatChannelInfo(row.Id, null, row.OtherName ?? "Former member", other, false, row.LastSeq, row.LastRead);
    }

    private sealed record CallerAccount(string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, string? SecurityStamp);
}
