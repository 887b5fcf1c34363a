using System.Security.Claims;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

public sealed partial class LibraryService
{
    private const int HomeFeatured = 3;
    private const int HomeNewest = 5;

    /// <summary>What the home page shows of the library for this viewer.</summary>
    /// <remarks>
    /// The featured and the newest come in one statement (a UNION ALL of the two lists), not two: the home page was ten
    /// statements. The rows are put back in order here, as a union keeps no order.
    /// </remarks>
    public async Task<LibraryHome> HomeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var published = LibraryQueries.VisibleTo(db.LibraryResources.Where(r => r.Status == ResourceStatus.Approved), db, viewer);
        var featured = published.Where(r => r.IsFeatured).OrderByDescending(r => r.ApprovedAt).Take(HomeFeatured);
        var newest = published.Where(r => !r.IsFeatured).OrderByDescending(r => r.ApprovedAt).Take(HomeNewest);
        var card = LibraryQueries.Card(db);
        var rows = await featured.Concat(newest)
            .Select(QueryRule.Inline<Func<Resource, HomeRow>>(r => new HomeRow(r.IsFeatured, r.ApprovedAt, card.Apply(r))))
            .ToListAsync(cancellationToken);
        rows = [.. rows.OrderByDescending(r => r.ApprovedAt)];
        return new LibraryHome(
            [.. rows.Where(r => r.IsFeatured).Select(r => r.Card)],
            [.. rows.Where(r => !r.IsFeatured).Select(r => r.Card)]);
    }

    private sealed record HomeRow(bool IsFeatured, DateTimeOffset? ApprovedAt, ResourceCard Card);
}
