using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

public sealed partial class GroupMembershipService
{
    /// <summary>Promotes or demotes a member. Owners (and site administrators) only; the group always keeps an owner.</summary>
    public Task<GroupOutcome> ChangeRoleAsync(GroupViewer viewer, string slug, string userId, GroupRole role, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            if (!tx.Access.CanManageRoles)
            {
                throw new GroupRuleException("Only the group's owners can promote or demote members.");
            }

            var membership = await TargetAsync(tx, userId, cancellationToken);
            var before = membership.Role;
            membership.ChangeRole(role, await tx.CountOwnersAsync(cancellationToken));
            var (actor, subject) = await AuditPartiesAsync(tx, userId, cancellationToken);
            Audit(tx, actor, AuditActions.GroupRoleChange, subject, $"{GroupRoles.Label(before)} → {GroupRoles.Label(role)}");
            return userId == tx.UserId
                ? $"You are now {GroupRoles.WithArticle(role)} of {tx.Group.Name}."
                : $"{subject.DisplayName} is now {GroupRoles.WithArticle(role)}.";
        });

    /// <summary>Takes a member out of the group; they may join again (unlike a ban).</summary>
    public Task<GroupOutcome> RemoveAsync(GroupViewer viewer, string slug, string userId, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EnsureModerator(tx.Access);
            var membership = await RemovableAsync(tx, userId, cancellationToken);
            RemoveMembership(tx, membership, await tx.CountOwnersAsync(cancellationToken), clock.GetUtcNow());
            var (actor, subject) = await AuditPartiesAsync(tx, userId, cancellationToken);
            Audit(tx, actor, AuditActions.GroupMemberRemove, subject, $"was {GroupRoles.WithArticle(membership.Role)}");
            return $"{subject.DisplayName} has been removed from the group.";
        });

    /// <summary>
    /// Removes a member (or keeps out someone who keeps asking) for good: a banned member can't join, ask or accept an
    /// invitation, nor read a public group's content, until a moderator lifts the ban.
    /// </summary>
    public Task<GroupOutcome> BanAsync(GroupViewer viewer, string slug, string userId, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EnsureModerator(tx.Access);
            var why = PlainText.Multiline(reason);
            if (why.Length == 0 || why.Length > GroupBan.ReasonMaxLength)
            {
                throw new GroupRuleException($"Give a reason for the ban, at most {GroupBan.ReasonMaxLength} characters; the other moderators will read it.");
            }

            if (await tx.Db.GroupBans.AnyAsync(b => b.GroupId == tx.Group.Id && b.UserId == userId, cancellationToken))
            {
                throw new GroupRuleException("They are already banned from this group.");
            }

            var now = clock.GetUtcNow();
            var membership = await tx.FindMembershipAsync(userId, cancellationToken);
            if (membership is not null)
            {
                membership = await RemovableAsync(tx, userId, cancellationToken);
                RemoveMembership(tx, membership, await tx.CountOwnersAsync(cancellationToken), now);
            }
            else if (await PendingRequestAsync(tx, userId, cancellationToken) is not { } pending)
            {
                throw new GroupRuleException("They are no longer a member of this group.");
            }
            else
            {
                pending.Decline(tx.UserId, "", now);
            }

            tx.Db.GroupBans.Add(new GroupBan { GroupId = tx.Group.Id, UserId = userId, BannedById = tx.UserId, Reason = why, CreatedAt = now });
            var (actor, subject) = await AuditPartiesAsync(tx, userId, cancellationToken);
            Audit(tx, actor, AuditActions.GroupMemberBan, subject, why);
            return $"{subject.DisplayName} is banned from the group.";
        });

    public Task<GroupOutcome> LiftBanAsync(GroupViewer viewer, string slug, string userId, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EnsureModerator(tx.Access);
            var ban = await tx.Db.GroupBans.SingleOrDefaultAsync(b => b.GroupId == tx.Group.Id && b.UserId == userId, cancellationToken)
                ?? throw new GroupRuleException("They are not banned from this group.");
            tx.Db.GroupBans.Remove(ban);
            var (actor, subject) = await AuditPartiesAsync(tx, userId, cancellationToken);
            Audit(tx, actor, AuditActions.GroupBanLift, subject, "ban lifted");
            return $"The ban on {subject.DisplayName} is lifted: they may join again.";
        });

    private static async Task<GroupMembership> TargetAsync(GroupTransaction tx, string userId, CancellationToken cancellationToken) =>
        await tx.FindMembershipAsync(userId, cancellationToken)
            ?? throw new GroupRuleException("They are no longer a member of this group.");

    /// <summary>The member to remove or ban, if the actor outranks them: moderators act on members, owners on anyone but themselves.</summary>
    private static async Task<GroupMembership> RemovableAsync(GroupTransaction tx, string userId, CancellationToken cancellationToken)
    {
        if (userId == tx.UserId)
        {
            throw new GroupRuleException("You can't remove or ban yourself; to go, leave the group.");
        }

        var membership = await TargetAsync(tx, userId, cancellationToken);
        if (!tx.Access.CanRemove(membership.Role))
        {
            throw new GroupRuleException("Only the group's owners can remove or ban its moderators and owners.");
        }

        return membership;
    }
}
