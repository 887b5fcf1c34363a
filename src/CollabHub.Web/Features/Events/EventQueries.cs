using System.Linq.Expressions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Events;

/// <summary>The rules of <see cref="EventAccess"/> as query filters, for listings, feeds and search.</summary>
public static class EventQueries
{
    /// <summary>
    /// Whether the viewer (their id, and whether they administer the site) may learn of an event: published and cancelled
    /// ones (drafts are for their organisers' pages), site-wide or in a public group or one of theirs; all of them for
    /// administrators. The one copy of the rule, as an expression over the viewer's values so a compiled query can pass
    /// them as parameters (through <see cref="QueryRule"/>); <see cref="VisibleTo"/> applies it to ad-hoc queries.
    /// </summary>
    public static readonly Expression<Func<AppDbContext, Event, string?, bool, bool>> Visible =
        (db, e, userId, isAdministrator) => e.Status != EventStatus.Draft
            && (isAdministrator
                || e.GroupId == null
                || db.Groups.Any(g => g.Id == e.GroupId && g.Visibility == GroupVisibility.Public)
                || db.GroupMemberships.Any(m => m.GroupId == e.GroupId && m.UserId == userId));

    /// <summary>Events the viewer may learn of (<see cref="Visible"/>).</summary>
    public static IQueryable<Event> VisibleTo(this IQueryable<Event> events, AppDbContext db, EventViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var userId = viewer.UserId;
        var isAdministrator = viewer.IsAdministrator;
        return events.Where(QueryRule.Inline<Func<Event, bool>>(e => Visible.Apply(db, e, userId, isAdministrator)));
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
