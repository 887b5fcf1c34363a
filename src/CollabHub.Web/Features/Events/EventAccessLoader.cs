using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Events;

/// <summary>Decides <see cref="EventAccess"/> for a loaded event, through the group's own rules.</summary>
internal static class EventAccessLoader
{
    public static async Task<EventAccess> LoadAsync(AppDbContext db, Event ev, EventViewer viewer, CancellationToken cancellationToken)
    {
        GroupAccess? group = null;
        if (ev.GroupId is { } groupId)
        {
            // Even a group the viewer may not see yields an access (CanSee false), so the event can answer 404.
            group = await GroupAccessService.LoadEvenIfUnseenAsync(db, g => g.Id == groupId, viewer.Group, cancellationToken);
        }

        return new EventAccess(ev, viewer, group);
    }
}
