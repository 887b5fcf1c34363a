using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// A deleted account leaves each of its groups the way a member leaves (counts and activity kept in step, pages told
/// live). A group's last owner must hand the group over first, as a group always needs an owner.
/// </summary>
public sealed class GroupAccountLeaving(IDbContextFactory<AppDbContext> contexts, GroupMembershipService memberships) : IAccountLeaving
{
    public async Task<string?> BlockerAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var onlyOwner = await db.GroupMemberships
            .Where(m => m.UserId == userId && m.Role == GroupRole.Owner)
            .Where(m => !db.GroupMemberships.Any(o => o.GroupId == m.GroupId && o.Role == GroupRole.Owner && o.UserId != userId))
            .Join(db.Groups, m => m.GroupId, g => g.Id, (_, g) => g.Name)
            .OrderBy(name => name)
            .ToListAsync(cancellationToken);
        return onlyOwner.Count == 0
            ? null
            : $"You are the only owner of {string.Join(", ", onlyOwner)}. A group always needs an owner: make another member an owner first, then delete your account.";
    }

    public async Task<string?> LeaveAsync(string userId, CancellationToken cancellationToken)
    {
        List<string> slugs;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            slugs = await db.GroupMemberships.Where(m => m.UserId == userId)
                .Join(db.Groups, m => m.GroupId, g => g.Id, (_, g) => g.Slug)
                .ToListAsync(cancellationToken);
        }

        var viewer = new GroupViewer(userId, false);
        foreach (var slug in slugs)
        {
            var outcome = await memberships.LeaveAsync(viewer, slug, cancellationToken);
            if (outcome.Kind == GroupOutcomeKind.Refused)
            {
                return outcome.Message;
            }
        }

        return null;
    }
}
