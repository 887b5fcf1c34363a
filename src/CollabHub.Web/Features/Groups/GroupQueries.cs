using System.Linq.Expressions;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Groups;

/// <summary>The access rules of <see cref="GroupAccess"/> as query filters, for lists, search and feeds.</summary>
public static class GroupQueries
{
    /// <summary>
    /// Whether the viewer may learn that a group exists: all but hidden ones, plus hidden ones they belong to; every group
    /// for administrators. The one copy of the rule, over the viewer's values (see <see cref="Readable"/>).
    /// </summary>
    public static readonly Expression<Func<AppDbContext, Group, string?, bool, bool>> Listed =
        (db, g, userId, isAdministrator) => isAdministrator
            || g.Visibility != GroupVisibility.Hidden
            || db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId);

    /// <summary>Groups whose existence the viewer may learn (<see cref="Listed"/>).</summary>
    public static IQueryable<Group> ListedFor(this IQueryable<Group> groups, AppDbContext db, GroupViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var userId = viewer.UserId;
        var isAdministrator = viewer.IsAdministrator;
        return groups.Where(QueryRule.Inline<Func<Group, bool>>(g => Listed.Apply(db, g, userId, isAdministrator)));
    }

    /// <summary>
    /// Whether the viewer (their id and whether they administer the site) may read a group's content: public groups they
    /// are not banned from, and their own; every group for administrators; none for visitors. The one copy of the rule,
    /// as an expression over the viewer's values so a compiled query can pass them as parameters (through
    /// <see cref="QueryRule"/>); <see cref="ReadableBy"/> applies it to ad-hoc queries.
    /// </summary>
    public static readonly Expression<Func<AppDbContext, Group, string?, bool, bool>> Readable =
        (db, g, userId, isAdministrator) => userId != null
            && (isAdministrator
                || db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId)
                || (g.Visibility == GroupVisibility.Public && !db.GroupBans.Any(b => b.GroupId == g.Id && b.UserId == userId)));

    /// <summary>Groups whose content the viewer may read (<see cref="Readable"/>).</summary>
    public static IQueryable<Group> ReadableBy(this IQueryable<Group> groups, AppDbContext db, GroupViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var userId = viewer.UserId;
        var isAdministrator = viewer.IsAdministrator;
        return groups.Where(QueryRule.Inline<Func<Group, bool>>(g => Readable.Apply(db, g, userId, isAdministrator)));
    }
}
