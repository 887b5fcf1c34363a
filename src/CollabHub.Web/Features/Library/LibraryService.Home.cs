using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

public sealed partial class LibraryService
{
    /// <summary>What the home page shows of the library for this viewer.</summary>
    public async Task<LibraryHome> HomeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var published = LibraryQueries.VisibleTo(db.LibraryResources.Where(r => r.Status == ResourceStatus.Approved), db, viewer);
        var featured = await published.Where(r => r.IsFeatured).OrderByDescending(r => r.ApprovedAt).Take(3).Select(LibraryQueries.Card(db)).ToListAsync(cancellationToken);
        var newest = await published.Where(r => !r.IsFeatured).OrderByDescending(r => r.ApprovedAt).Take(5).Select(LibraryQueries.Card(db)).ToListAsync(cancellationToken);
        return new LibraryHome(featured, newest);
    }
}
