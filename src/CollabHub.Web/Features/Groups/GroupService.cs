using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

public sealed class GroupService(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>The groups anyone may discover, by name. Private groups stay out of listings for now.</summary>
    public async Task<IReadOnlyList<GroupSummary>> ListPublicAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Groups
            .AsNoTracking()
            .Where(g => g.Visibility == GroupVisibility.Public)
            .OrderBy(g => g.Name)
            .Take(limit)
            .Select(g => new GroupSummary(g.Id, g.Slug, g.Name, g.Summary, g.Visibility))
            .ToListAsync(cancellationToken);
    }
}
