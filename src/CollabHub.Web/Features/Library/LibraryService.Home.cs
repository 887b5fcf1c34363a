using System.Security.Claims;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

public sealed partial class LibraryService
{
    private const int HomeFeatured = 3;
    private const int HomeNewest = 5;

    /// <summary>
    /// The featured and the newest in one statement (a UNION ALL of the two lists), not two: the home page was ten
    /// statements. Compiled once: a CPU profile of the member home page put 15% of its request time in EF walking and
    /// hashing each query's expression tree on every execution. The access rule is <see cref="LibraryQueries.Visible"/>,
    /// the one every library list uses.
    /// </summary>
    private static readonly Func<AppDbContext, string?, bool, IAsyncEnumerable<HomeRow>> HomeQuery = EF.CompileAsyncQuery(
        QueryRule.Inline<Func<AppDbContext, string?, bool, IQueryable<HomeRow>>>((db, userId, isAdministrator) =>
            db.LibraryResources
                .Where(r => r.Status == ResourceStatus.Approved && r.IsFeatured && LibraryQueries.Visible.Apply(db, r, userId, isAdministrator))
                .OrderByDescending(r => r.ApprovedAt).Take(HomeFeatured)
                .Concat(db.LibraryResources
                    .Where(r => r.Status == ResourceStatus.Approved && !r.IsFeatured && LibraryQueries.Visible.Apply(db, r, userId, isAdministrator))
                    .OrderByDescending(r => r.ApprovedAt).Take(HomeNewest))
                .Select(r => new HomeRow(r.IsFeatured, r.ApprovedAt, LibraryQueries.CardOf.Apply(db, r)))));

    /// <summary>What the home page shows of the library for this viewer.</summary>
    public async Task<LibraryHome> HomeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await HomeQuery(db, viewer.UserId, viewer.IsAdministrator).ToListAsync(cancellationToken);
        // A union keeps no order: each list is put back newest first here.
        rows = [.. rows.OrderByDescending(r => r.ApprovedAt)];
        return new LibraryHome(
            [.. rows.Where(r => r.IsFeatured).Select(r => r.Card)],
            [.. rows.Where(r => !r.IsFeatured).Select(r => r.Card)]);
    }

    private sealed record HomeRow(bool IsFeatured, DateTimeOffset? ApprovedAt, ResourceCard Card);
}
