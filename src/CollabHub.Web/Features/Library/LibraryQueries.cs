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
        ArgumentNullException.ThrowIfNull(viewer);
        var userId = viewer.UserId;
        var isAdministrator = viewer.IsAdministrator;
        return resources.Where(QueryRule.Inline<Func<Resource, bool>>(r => Visible.Apply(db, r, userId, isAdministrator)));
    }

    /// <summary>
    /// The rule of <see cref="VisibleTo"/> over the viewer's values (id, administrator), for compiled queries; the
    /// group part is <see cref="GroupQueries.Readable"/>.
    /// </summary>
    public static readonly Expression<Func<AppDbContext, Resource, string?, bool, bool>> Visible =
        (db, r, userId, isAdministrator) => r.GroupId == null
            || db.Groups.Where(g => GroupQueries.Readable.Apply(db, g, userId, isAdministrator)).Select(g => g.Id).Contains(r.GroupId.Value);

    public static Expression<Func<Resource, ResourceCard>> Card(AppDbContext db) =>
        QueryRule.Inline<Func<Resource, ResourceCard>>(r => CardOf.Apply(db, r));

    /// <summary>A resource as a card in a list (<see cref="Card"/>), for compiled queries.</summary>
    public static readonly Expression<Func<AppDbContext, Resource, ResourceCard>> CardOf = (db, r) => new ResourceCard(
        r.Id, r.Slug, r.Title, r.Summary, r.Type, r.Entity, r.PublishedOn,
        db.Groups.Where(g => g.Id == r.GroupId).Select(g => g.Name).FirstOrDefault());
}
