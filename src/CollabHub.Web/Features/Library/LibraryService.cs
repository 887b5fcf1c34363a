using System.Linq.Expressions;
using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// Submitting, curating and reading library resources. Every method re-checks the viewer's rights through
/// <see cref="ResourceAccess"/> (and so <see cref="GroupAccess"/>), whatever the page showed.
/// </summary>
public sealed partial class LibraryService(
    IDbContextFactory<AppDbContext> contexts,
    LibraryFileStore files,
    ExtractionSignal extraction,
    INotifier notifier,
    IOptions<LibraryOptions> options,
    TimeProvider clock,
    ILogger<LibraryService> logger)
{
    /// <summary>Finds a resource by id or slug with what the viewer may do; null when it does not exist for them.</summary>
    internal static async Task<ResourceAccess?> LoadAsync(
        AppDbContext db, Expression<Func<Resource, bool>> match, LibraryViewer viewer, CancellationToken cancellationToken, bool withFiles = false)
    {
        var query = db.LibraryResources.Where(match);
        if (withFiles)
        {
            query = query.Include(r => r.Files).ThenInclude(f => f.StoredFile);
        }

        var resource = await query.SingleOrDefaultAsync(cancellationToken);
        if (resource is null)
        {
            return null;
        }

        GroupAccess? group = null;
        if (resource.GroupId is { } groupId)
        {
            group = await GroupAccessService.LoadAsync(db, g => g.Id == groupId, viewer.AsGroupViewer, cancellationToken);
        }

        var access = new ResourceAccess(resource, viewer, group);
        return access.CanView ? access : null;
    }

    internal static Expression<Func<Resource, bool>> ByKey(string key) =>
        Guid.TryParse(key, out var id) ? r => r.Id == id : r => r.Slug == key;

    internal static Task RefreshSearchAsync(AppDbContext db, Guid[] resourceIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(LibrarySearchIndex.RefreshSql, [resourceIds], cancellationToken);

    private static LibraryViewer ViewerOf(ClaimsPrincipal user) => LibraryViewer.From(user);

    private DateTimeOffset Now => clock.GetUtcNow();
}
