using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using CollabHub.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// Who belongs to a group: joining, leaving, requests, roles, removal and bans. Every operation runs in one
/// transaction under the group's row lock (see <see cref="GroupTransaction"/>), decides with <see cref="GroupAccess"/>
/// inside it, and keeps <see cref="Group.MemberCount"/> and <see cref="Group.LastActivityAt"/> in step. Moderation is
/// in <c>GroupMembershipService.Moderation.cs</c>, lists in <c>GroupMembershipService.Queries.cs</c>.
/// </summary>
public sealed partial class GroupMembershipService(
    IDbContextFactory<AppDbContext> contexts,
    GroupMails mails,
    GroupNotices notices,
    AuditLog audit,
    ILiveEvents live,
    TimeProvider clock,
    ILogger<GroupMembershipService> logger)
{
    public const string ModeratorsOnlyMessage = "Only the group's owners and moderators can do that.";

    /// <summary>Joins an open group with one click.</summary>
    public Task<GroupOutcome> JoinAsync(GroupViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EnsureMayJoin(tx.Access, GroupJoinPolicy.Open);
            var now = clock.GetUtcNow();
            tx.Db.GroupMemberships.Add(tx.Group.AddMember(tx.UserId, GroupRole.Member, now));
            // A request left from when the group asked first is settled by joining.
            var pending = await PendingRequestAsync(tx, tx.UserId, cancellationToken);
            pending?.Withdraw(now);
            return $"Welcome to {tx.Group.Name}! You are now a member.";
        });

    /// <summary>Leaves the group; the last owner must hand over first.</summary>
    public Task<GroupOutcome> LeaveAsync(GroupViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            var membership = await tx.FindMembershipAsync(tx.UserId, cancellationToken)
                ?? throw new GroupRuleException("You are not a member of this group.");
            RemoveMembership(tx, membership, await tx.CountOwnersAsync(cancellationToken), clock.GetUtcNow());
            return $"You have left {tx.Group.Name}.";
        });

    /// <summary>Asks the moderators of a group that asks first, with an optional message.</summary>
    public Task<GroupOutcome> RequestToJoinAsync(GroupViewer viewer, string slug, string? message, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EnsureMayJoin(tx.Access, GroupJoinPolicy.Request);
            if (await PendingRequestAsync(tx, tx.UserId, cancellationToken) is not null)
            {
                throw new GroupRuleException("You have already asked to join; the moderators will answer soon.");
            }

            var text = PlainText.Multiline(message);
            tx.Db.GroupJoinRequests.Add(GroupJoinRequest.Create(tx.Group.Id, tx.UserId, text, clock.GetUtcNow()));
            await notices.JoinRequestedAsync(tx.Db, tx.Group, tx.UserId, text, cancellationToken);
            return "Your request has been sent to the group's moderators. You'll get an e-mail when they answer.";
        });

    public Task<GroupOutcome> WithdrawRequestAsync(GroupViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            var pending = await PendingRequestAsync(tx, tx.UserId, cancellationToken)
                ?? throw new GroupRuleException("You have no open request to join this group.");
            pending.Withdraw(clock.GetUtcNow());
            return "Your request to join has been withdrawn.";
        });

    /// <summary>A moderator lets a requester in; the requester is mailed in the same transaction.</summary>
    public Task<GroupOutcome> ApproveRequestAsync(GroupViewer viewer, string slug, Guid requestId, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EnsureModerator(tx.Access);
            var (request, requester) = await RequestWithRequesterAsync(tx, requestId, cancellationToken);
            if (await tx.Db.GroupBans.AnyAsync(b => b.GroupId == tx.Group.Id && b.UserId == request.UserId, cancellationToken))
            {
                throw new GroupRuleException($"{requester.DisplayName} is banned from this group; lift the ban first.");
            }

            var now = clock.GetUtcNow();
            request.Approve(tx.UserId, now);
            if (await tx.FindMembershipAsync(request.UserId, cancellationToken) is null)
            {
                tx.Db.GroupMemberships.Add(tx.Group.AddMember(request.UserId, GroupRole.Member, now));
            }

            mails.RequestApproved(tx.Db, requester, tx.Group);
            notices.RequestAnswered(tx.Db, tx.Group, requester.Id, tx.UserId, approved: true);
            return $"{requester.DisplayName} is now a member.";
        });

    /// <summary>A moderator says no, optionally with a reply the requester receives by mail.</summary>
    public Task<GroupOutcome> DeclineRequestAsync(GroupViewer viewer, string slug, Guid requestId, string? reply, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EnsureModerator(tx.Access);
            var (request, requester) = await RequestWithRequesterAsync(tx, requestId, cancellationToken);
            var text = PlainText.Multiline(reply);
            request.Decline(tx.UserId, text, clock.GetUtcNow());
            mails.RequestDeclined(tx.Db, requester, tx.Group, text);
            notices.RequestAnswered(tx.Db, tx.Group, requester.Id, tx.UserId, approved: false);
            return $"The request from {requester.DisplayName} was declined; they have been told by e-mail.";
        });

    private Task<GroupOutcome> RunAsync(GroupViewer viewer, string slug, CancellationToken cancellationToken, Func<GroupTransaction, Task<string>> change) =>
        GroupTransaction.RunAsync(contexts, slug, viewer, live, logger, cancellationToken, change);

    /// <summary>Counts the member out, deletes the row, and tells live parts (chat drops their connections) after commit.</summary>
    private static void RemoveMembership(GroupTransaction tx, GroupMembership membership, int owners, DateTimeOffset now)
    {
        tx.Group.RemoveMember(membership, owners, now);
        tx.Db.GroupMemberships.Remove(membership);
        tx.PublishAfterCommit(new GroupMembershipRemoved(tx.Group.Id, membership.UserId));
    }

    internal static void EnsureModerator(GroupAccess access)
    {
        if (!access.CanModerate)
        {
            throw new GroupRuleException(ModeratorsOnlyMessage);
        }
    }

    /// <summary>Not a member yet, not banned, and the group is joined the way the member tried (a stale page may say otherwise).</summary>
    private static void EnsureMayJoin(GroupAccess access, GroupJoinPolicy tried)
    {
        if (access.IsMember)
        {
            throw new GroupRuleException("You are already a member of this group.");
        }

        if (access.IsBanned)
        {
            throw new GroupRuleException("You can't join this group: its moderators have banned you from it.");
        }

        if (access.Group.JoinPolicy != tried)
        {
            throw new GroupRuleException(access.Group.JoinPolicy switch
            {
                GroupJoinPolicy.Open => "This group is open: join it directly.",
                GroupJoinPolicy.Request => "This group asks first: send the moderators a request to join.",
                _ => "This group can only be joined by invitation.",
            });
        }
    }

    private static Task<GroupJoinRequest?> PendingRequestAsync(GroupTransaction tx, string userId, CancellationToken cancellationToken) =>
        tx.Db.GroupJoinRequests.SingleOrDefaultAsync(
            r => r.GroupId == tx.Group.Id && r.UserId == userId && r.Status == GroupJoinRequestStatus.Pending, cancellationToken);

    private static async Task<(GroupJoinRequest Request, ApplicationUser Requester)> RequestWithRequesterAsync(
        GroupTransaction tx, Guid requestId, CancellationToken cancellationToken)
    {
        var request = await tx.Db.GroupJoinRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.GroupId == tx.Group.Id, cancellationToken)
            ?? throw new GroupRuleException("That request no longer exists.");
        var requester = await tx.Db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new GroupRuleException("The member who asked no longer has an account.");
        return (request, requester);
    }

    private async Task<(ApplicationUser Actor, ApplicationUser Subject)> AuditPartiesAsync(GroupTransaction tx, string subjectId, CancellationToken cancellationToken)
    {
        var users = await tx.Db.Users.Where(u => u.Id == tx.UserId || u.Id == subjectId).ToListAsync(cancellationToken);
        return (users.Single(u => u.Id == tx.UserId), users.Single(u => u.Id == subjectId));
    }

    private void Audit(GroupTransaction tx, ApplicationUser actor, string action, ApplicationUser subject, string details) =>
        audit.Add(tx.Db, actor, action, subject, $"{tx.Group.Name} (/{GroupLinks.Page(tx.Group.Slug)}): {details}");
}
