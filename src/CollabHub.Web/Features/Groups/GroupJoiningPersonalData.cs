using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// What groups hold about a member besides memberships, for their data download: the requests they sent (with the
/// answers), the invitations they answered, and the bans on them (with the moderators' reason). Each names a group the
/// member already knew of.
/// </summary>
public sealed class GroupJoiningPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "groupJoining";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = await (
                from r in db.GroupJoinRequests.AsNoTracking()
                join g in db.Groups on r.GroupId equals g.Id
                where r.UserId == userId
                orderby r.CreatedAt
                select new { groupName = g.Name, message = r.Message, status = r.Status.ToString(), reply = r.Reply, sentAt = r.CreatedAt, answeredAt = r.DecidedAt })
            .ToListAsync(cancellationToken);
        var invitations = await (
                from i in db.GroupInvitations.AsNoTracking()
                join g in db.Groups on i.GroupId equals g.Id
                where i.AnsweredById == userId && i.Status != GroupInvitationStatus.Revoked
                orderby i.CreatedAt
                select new { groupName = g.Name, sentTo = i.Email, status = i.Status.ToString(), answeredAt = i.AnsweredAt })
            .ToListAsync(cancellationToken);
        var bans = await (
                from b in db.GroupBans.AsNoTracking()
                join g in db.Groups on b.GroupId equals g.Id
                where b.UserId == userId
                orderby b.CreatedAt
                select new { groupName = g.Name, reason = b.Reason, bannedAt = b.CreatedAt })
            .ToListAsync(cancellationToken);
        return requests.Count + invitations.Count + bans.Count == 0 ? null : new { requests, invitations, bans };
    }
}
