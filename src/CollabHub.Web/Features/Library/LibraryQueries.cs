using System.Linq.Expressions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Library;

/// <summary>The access rules of <see cref="ResourceAccess"/> for published resources, as query filters for lists.</summary>
public static class LibraryQueries
{
    /// <summary>Resources whose scope the viewer may read: site-wide ones, and those of groups readable per <see cref="GroupQueries.ReadableBy"/>.</summary>
    public static IQueryable<Resource> VisibleTo(IQueryable<Resource> resources, AppDbContext db, LibraryViewer viewer)
    {
        var readable = db.Groups.ReadableBy(db, viewer.AsGroupViewer).Select(g => g.Id);
        return resources.Where(r => r.GroupId == null || readable.Contains(r.GroupId.Value));
    }

    public static Expression<Func<Resource, ResourceCard>> Card(AppDbContext db) => r => new ResourceCard(
        r.Id, r.Slug, r.Title, r.Summary, r.Type, r.Entity, r.PublishedOn,
        db.Groups.Where(g => g.Id == r.GroupId).Select(g => g.Name).FirstOrDefault());
}
