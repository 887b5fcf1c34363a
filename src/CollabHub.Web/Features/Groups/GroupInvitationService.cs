using System.Net.Mail;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// Invitations by e-mail: moderators send them, the link's holder accepts or declines (signing in or registering
/// first if need be). Every change runs under the group's row lock, like every other membership change.
/// </summary>
public sealed class GroupInvitationService(
    IDbContextFactory<AppDbContext> contexts,
    GroupMails mails,
    GroupNotices notices,
    ILookupNormalizer normalizer,
    ILiveEvents live,
    TimeProvider clock,
    ILogger<GroupInvitationService> logger)
{
    public const int MaxAddressesPerInvite = 20;

    /// <summary>Invites each address (separated by commas, semicolons or lines), skipping members and banned members with a reason.</summary>
    public Task<GroupOutcome> InviteAsync(GroupViewer viewer, string slug, string? addresses, CancellationToken cancellationToken = default) =>
        GroupTransaction.RunAsync(contexts, slug, viewer, live, logger, cancellationToken, async tx =>
        {
            GroupMembershipService.EnsureModerator(tx.Access);
            var emails = ParseAddresses(addresses);
            var inviter = await tx.Db.Users.SingleAsync(u => u.Id == tx.UserId, cancellationToken);
            var now = clock.GetUtcNow();
            var sent = new List<string>();
            var skipped = new List<string>();
            foreach (var email in emails)
            {
                var normalized = normalizer.NormalizeEmail(email);
                var account = await tx.Db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                if (account is not null && await tx.Db.GroupMemberships.AnyAsync(m => m.GroupId == tx.Group.Id && m.UserId == account, cancellationToken))
                {
                    skipped.Add($"{email} is already a member of this group.");
                    continue;
                }

                if (account is not null && await tx.Db.GroupBans.AnyAsync(b => b.GroupId == tx.Group.Id && b.UserId == account, cancellationToken))
                {
                    skipped.Add($"{email} is banned from this group; lift the ban first.");
                    continue;
                }

                // A new invitation replaces an open one to the same address, so only the latest link works.
                var open = await tx.Db.GroupInvitations
                    .Where(i => i.GroupId == tx.Group.Id && i.Status == GroupInvitationStatus.Pending && i.Email == email)
                    .ToListAsync(cancellationToken);
                open.ForEach(i => i.Revoke(tx.UserId, now));

                var (invitation, token) = GroupInvitation.Create(tx.Group.Id, email, tx.UserId, now);
                tx.Db.GroupInvitations.Add(invitation);
                mails.Invitation(tx.Db, email, inviter, tx.Group, token, invitation.ExpiresAt);
                if (account is not null)
                {
                    notices.Invited(tx.Db, tx.Group, account, tx.UserId, token);
                }

                sent.Add(email);
            }

            if (sent.Count == 0)
            {
                throw new GroupRuleException(string.Join(" ", skipped));
            }

            var done = sent.Count == 1 ? $"Invitation sent to {sent[0]}." : $"Invitations sent to {sent.Count} addresses.";
            return string.Join(" ", skipped.Prepend(done));
        });

    /// <summary>Withdraws an open invitation: its link stops working.</summary>
    public Task<GroupOutcome> RevokeAsync(GroupViewer viewer, string slug, Guid invitationId, CancellationToken cancellationToken = default) =>
        GroupTransaction.RunAsync(contexts, slug, viewer, live, logger, cancellationToken, async tx =>
        {
            GroupMembershipService.EnsureModerator(tx.Access);
            var invitation = await tx.Db.GroupInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.GroupId == tx.Group.Id, cancellationToken)
                ?? throw new GroupRuleException("That invitation no longer exists.");
            invitation.Revoke(tx.UserId, clock.GetUtcNow());
            return $"The invitation to {invitation.Email} is withdrawn; its link no longer works.";
        });

    /// <summary>The invitation behind a link, for its page; null when no invitation has this token.</summary>
    public async Task<GroupInvitationView?> FindAsync(string token, GroupViewer viewer, CancellationToken cancellationToken = default)
    {
        var hash = GroupInvitation.Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
                from i in db.GroupInvitations.AsNoTracking()
                where i.TokenHash == hash
                join g in db.Groups on i.GroupId equals g.Id
                join u in db.Users on i.InvitedById equals u.Id into inviters
                from u in inviters.DefaultIfEmpty()
                select new { Invitation = i, Group = g, InvitedBy = u == null ? null : u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var userId = viewer.UserId;
        var isMember = userId is not null && await db.GroupMemberships.AnyAsync(m => m.GroupId == row.Group.Id && m.UserId == userId, cancellationToken);
        var isBanned = userId is not null && await db.GroupBans.AnyAsync(b => b.GroupId == row.Group.Id && b.UserId == userId, cancellationToken);
        var group = row.Group;
        return new GroupInvitationView(
            group.Name, group.Slug, group.Summary, group.Visibility, group.CoverVersion, row.InvitedBy, row.Invitation.ExpiresAt,
            row.Invitation.IsUsable(clock.GetUtcNow()), isMember, isBanned);
    }

    /// <summary>The signed-in holder of the link joins, whatever the group's join policy; the link then stops working.</summary>
    public Task<(GroupOutcome Outcome, string? Slug)> AcceptAsync(GroupViewer viewer, string token, CancellationToken cancellationToken = default) =>
        AnswerAsync(viewer, token, cancellationToken, async (tx, invitation, now) =>
        {
            if (tx.Access.IsBanned)
            {
                throw new GroupRuleException("You can't join this group: its moderators have banned you from it.");
            }

            invitation.Accept(tx.UserId, now);
            if (tx.Access.IsMember)
            {
                return $"You are already a member of {tx.Group.Name}.";
            }

            tx.Db.GroupMemberships.Add(tx.Group.AddMember(tx.UserId, GroupRole.Member, now));
            var pending = await tx.Db.GroupJoinRequests.SingleOrDefaultAsync(
                r => r.GroupId == tx.Group.Id && r.UserId == tx.UserId && r.Status == GroupJoinRequestStatus.Pending, cancellationToken);
            pending?.Withdraw(now);
            return $"Welcome to {tx.Group.Name}! You are now a member.";
        });

    public Task<(GroupOutcome Outcome, string? Slug)> DeclineAsync(GroupViewer viewer, string token, CancellationToken cancellationToken = default) =>
        AnswerAsync(viewer, token, cancellationToken, (tx, invitation, now) =>
        {
            invitation.Decline(tx.UserId, now);
            return Task.FromResult($"You declined the invitation to {tx.Group.Name}.");
        });

    /// <summary>Loads the invitation, locks its group, and re-reads the invitation under the lock before answering it.</summary>
    private async Task<(GroupOutcome Outcome, string? Slug)> AnswerAsync(
        GroupViewer viewer, string token, CancellationToken cancellationToken, Func<GroupTransaction, GroupInvitation, DateTimeOffset, Task<string>> answer)
    {
        var hash = GroupInvitation.Hash(token);
        Guid groupId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var found = await db.GroupInvitations.Where(i => i.TokenHash == hash).Select(i => (Guid?)i.GroupId).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return (GroupOutcome.NotFound, null);
            }

            groupId = found.Value;
        }

        try
        {
            await using var tx = await GroupTransaction.BeginForInvitationAsync(contexts, groupId, viewer, cancellationToken);
            if (tx is null)
            {
                return (GroupOutcome.NotFound, null);
            }

            var invitation = await tx.Db.GroupInvitations.SingleAsync(i => i.TokenHash == hash, cancellationToken);
            var message = await answer(tx, invitation, clock.GetUtcNow());
            await tx.CommitAsync(cancellationToken);
            return (GroupOutcome.Done(message), tx.Group.Slug);
        }
        catch (GroupRuleException refused)
        {
            return (GroupOutcome.Refused(refused.Message), null);
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "Answering an invitation to group {GroupId} failed", groupId);
            return (GroupOutcome.Refused("The change could not be saved, so nothing was changed. Please try again."), null);
        }
    }

    /// <summary>Distinct, well-formed addresses in lower case (as stored); a rule's refusal names the first bad one.</summary>
    internal static IReadOnlyList<string> ParseAddresses(string? text)
    {
        var parts = (text ?? "").Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (parts.Count == 0)
        {
            throw new GroupRuleException("Enter at least one e-mail address to invite.");
        }

        if (parts.Count > MaxAddressesPerInvite)
        {
            throw new GroupRuleException($"Invite at most {MaxAddressesPerInvite} addresses at a time; you entered {parts.Count}.");
        }

        foreach (var part in parts)
        {
            if (part.Length > GroupInvitation.EmailMaxLength || !MailAddress.TryCreate(part, out var parsed) || parsed.Address != part || !part.Contains('@', StringComparison.Ordinal))
            {
                throw new GroupRuleException($"\"{(part.Length > 60 ? part[..60] + "…" : part)}\" is not an e-mail address.");
            }
        }

        return parts;
    }
}
