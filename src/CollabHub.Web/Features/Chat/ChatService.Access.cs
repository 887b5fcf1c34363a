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
    /// The channel if the caller may use it now: a group channel for the group's members (through
    /// <see cref="GroupAccess"/>), a direct conversation for its two participants.
    /// </summary>
    private static async Task<ChatChannelInfo> RequireChannelAsync(AppDbContext db, ChatCaller caller, Guid channelId, CancellationToken cancellationToken)
    {
        var channel = await db.ChatChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken)
            ?? throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        var lastRead = await ReadSeqAsync(db, channelId, caller.UserId, cancellationToken);
        if (channel.GroupId is { } groupId)
        {
            var access = await GroupAccessService.LoadAsync(db, g => g.Id == groupId, caller.Viewer, cancellationToken);
            if (access is null || !access.CanParticipate)
            {
                throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
            }

            return new ChatChannelInfo(channel.Id, groupId, access.Group.Name, null, access.CanModerate, channel.LastSeq, lastRead);
        }

        var other = channel.OtherParticipant(caller.UserId) ?? throw new ChatRefusedException(NoSuchChannel) { DeniesChannel = true };
        var otherName = await db.Users.Where(u => u.Id == other).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "Former member";
        return new ChatChannelInfo(channel.Id, null, otherName, other, false, channel.LastSeq, lastRead);
    }

    private sealed record CallerAccount(string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt, string? SecurityStamp);
}
