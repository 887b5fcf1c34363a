using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>The groups a member belongs to, for their data download.</summary>
public sealed class GroupPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "groups";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var memberships = await (
                from m in db.GroupMemberships.AsNoTracking()
                join g in db.Groups on m.GroupId equals g.Id
                where m.UserId == userId
                orderby m.JoinedAt
                select new { name = g.Name, address = g.Slug, role = m.Role.ToString(), joinedAt = m.JoinedAt })
            .ToListAsync(cancellationToken);
        return memberships.Count == 0 ? null : memberships;
    }
}
