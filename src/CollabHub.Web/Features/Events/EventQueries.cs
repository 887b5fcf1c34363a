using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Events;

/// <summary>The rules of <see cref="EventAccess"/> as query filters, for listings, feeds and search.</summary>
public static class EventQueries
{
    /// <summary>Published and cancelled events the viewer may learn of (drafts are for their organisers' pages).</summary>
    public static IQueryable<Event> VisibleTo(this IQueryable<Event> events, AppDbContext db, EventViewer viewer)
    {
        var listed = events.Where(e => e.Status != EventStatus.Draft);
        if (viewer.IsAdministrator)
        {
            return listed;
        }

        var userId = viewer.UserId;
        return listed.Where(e => e.GroupId == null
            || db.Groups.Any(g => g.Id == e.GroupId && g.Visibility == GroupVisibility.Public)
            || db.GroupMemberships.Any(m => m.GroupId == e.GroupId && m.UserId == userId));
    }

    /// <summary>Events a member may organise: their own, their groups' as moderator, all for site moderators.</summary>
    public static IQueryable<Event> OrganisedBy(this IQueryable<Event> events, AppDbContext db, EventViewer viewer)
    {
        if (viewer.IsSiteOrganiser)
        {
            return events;
        }

        var userId = viewer.UserId;
        return events.Where(e => e.CreatedById == userId
            || db.GroupMemberships.Any(m => m.GroupId == e.GroupId && m.UserId == userId && m.Role >= GroupRole.Moderator));
    }
}
