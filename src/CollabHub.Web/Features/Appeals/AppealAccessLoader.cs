using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Appeals;

/// <summary>Loads an appeal with the viewer's access, going through the group's rules for a group's appeal.</summary>
internal static class AppealAccessLoader
{
    public static async Task<AppealAccess?> LoadAsync(AppDbContext db, Guid appealId, AppealViewer viewer, CancellationToken cancellationToken)
    {
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == appealId, cancellationToken);
        return appeal is null ? null : await ForAsync(db, appeal, viewer, cancellationToken);
    }

    public static async Task<AppealAccess?> ForAsync(AppDbContext db, Appeal appeal, AppealViewer viewer, CancellationToken cancellationToken)
    {
        GroupAccess? group = null;
        if (appeal.GroupId is { } groupId)
        {
            group = await GroupAccessService.LoadAsync(db, g => g.Id == groupId, viewer.Group, cancellationToken);
            if (group is null)
            {
                return null;
            }
        }

        return new AppealAccess(appeal, viewer, group);
    }
}
