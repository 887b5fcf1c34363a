using CollabHub.Web.Features.Admin;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

public sealed partial class GroupMembershipService
{
    public const int MembersPageSize = 30;
    public const int SearchMaxLength = 100;
    private const int ModerationListLimit = 200;

    /// <summary>A page of members, owners first; null when the viewer may not read the group's content.</summary>
    public async Task<PagedResult<GroupMemberSummary>?> ListMembersAsync(
        GroupViewer viewer, string slug, string? search, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == slug, viewer, cancellationToken);
        if (access is null || !access.CanRead)
        {
            return null;
        }

        var groupId = access.Group.Id;
        var rows =
            from m in db.GroupMemberships.AsNoTracking()
            where m.GroupId == groupId
            join u in db.Users on m.UserId equals u.Id
            join p in db.MemberProfiles on u.Id equals p.UserId into profiles
            from p in profiles.DefaultIfEmpty()
            join a in db.MemberAvatars on u.Id equals a.UserId into pictures
            from a in pictures.DefaultIfEmpty()
            select new
            {
                m.UserId,
                u.DisplayName,
                AvatarVersion = a == null ? (Guid?)null : a.Version,
                m.Role,
                m.JoinedAt,
                JobTitle = p == null ? "" : p.JobTitle,
                DutyStation = p == null ? "" : p.DutyStation,
            };
        foreach (var word in SearchTerms.Words(search, SearchMaxLength))
        {
            var pattern = SearchTerms.ContainsPattern(word);
            rows = rows.Where(r => EF.Functions.ILike(r.DisplayName, pattern, "\\"));
        }

        var total = await rows.CountAsync(cancellationToken);
        page = Paging.Within(page, total, MembersPageSize);
        var members = await rows
            .OrderByDescending(r => r.Role).ThenBy(r => r.DisplayName).ThenBy(r => r.UserId)
            .Skip((page - 1) * MembersPageSize)
            .Take(MembersPageSize)
            .Select(r => new GroupMemberSummary(r.UserId, r.DisplayName, r.AvatarVersion, r.Role, r.JoinedAt, r.JobTitle, r.DutyStation))
            .ToListAsync(cancellationToken);
        return new PagedResult<GroupMemberSummary>(members, page, MembersPageSize, total);
    }

    /// <summary>Pending requests, open invitations and bans; null unless the viewer moderates the group.</summary>
    public async Task<GroupModeration?> GetModerationAsync(GroupViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == slug, viewer, cancellationToken);
        if (access is null || !access.CanModerate)
        {
            return null;
        }

        var groupId = access.Group.Id;
        var now = clock.GetUtcNow();
        var requests = await (
                from r in db.GroupJoinRequests.AsNoTracking()
                where r.GroupId == groupId && r.Status == GroupJoinRequestStatus.Pending
                join u in db.Users on r.UserId equals u.Id
                join a in db.MemberAvatars on u.Id equals a.UserId into pictures
                from a in pictures.DefaultIfEmpty()
                orderby r.CreatedAt
                select new GroupModeration.Request(r.Id, r.UserId, u.DisplayName, a == null ? (Guid?)null : a.Version, r.Message, r.CreatedAt))
            .Take(ModerationListLimit)
            .ToListAsync(cancellationToken);
        var invitations = await (
                from i in db.GroupInvitations.AsNoTracking()
                where i.GroupId == groupId && i.Status == GroupInvitationStatus.Pending
                join u in db.Users on i.InvitedById equals u.Id into inviters
                from u in inviters.DefaultIfEmpty()
                orderby i.CreatedAt descending
                select new GroupModeration.Invitation(i.Id, i.Email, u == null ? null : u.DisplayName, i.CreatedAt, i.ExpiresAt, i.ExpiresAt <= now))
            .Take(ModerationListLimit)
            .ToListAsync(cancellationToken);
        var bans = await (
                from b in db.GroupBans.AsNoTracking()
                where b.GroupId == groupId
                join u in db.Users on b.UserId equals u.Id
                join mod in db.Users on b.BannedById equals mod.Id into moderators
                from mod in moderators.DefaultIfEmpty()
                orderby b.CreatedAt descending
                select new GroupModeration.Ban(b.UserId, u.DisplayName, b.Reason, mod == null ? null : mod.DisplayName, b.CreatedAt))
            .Take(ModerationListLimit)
            .ToListAsync(cancellationToken);
        return new GroupModeration(requests, invitations, bans);
    }
}
