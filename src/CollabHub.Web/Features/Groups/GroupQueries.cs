using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Groups;

/// <summary>The access rules of <see cref="GroupAccess"/> as query filters, for lists, search and feeds.</summary>
public static class GroupQueries
{
    /// <summary>Groups whose existence the viewer may learn: all but hidden ones, plus hidden ones they belong to.</summary>
    public static IQueryable<Group> ListedFor(this IQueryable<Group> groups, AppDbContext db, GroupViewer viewer)
    {
        if (viewer.IsAdministrator)
        {
            return groups;
        }

        var userId = viewer.UserId;
        return groups.Where(g => g.Visibility != GroupVisibility.Hidden
            || db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId));
    }

    /// <summary>Groups whose content the viewer may read: public ones they are not banned from, and their own.</summary>
    public static IQueryable<Group> ReadableBy(this IQueryable<Group> groups, AppDbContext db, GroupViewer viewer)
    {
        if (!viewer.IsSignedIn)
        {
            return groups.Where(_ => false);
        }

        if (viewer.IsAdministrator)
        {
            return groups;
        }

        var userId = viewer.UserId;
        return groups.Where(g =>
            db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId)
            || (g.Visibility == GroupVisibility.Public && !db.GroupBans.Any(b => b.GroupId == g.Id && b.UserId == userId)));
    }
}
