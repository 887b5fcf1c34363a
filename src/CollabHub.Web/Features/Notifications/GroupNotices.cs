using System.Globalization;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// Group membership notifications, staged in the group's own transaction. Requests go to the group's owners and
/// moderators and collapse per group ("3 new requests to join …"). A decision or invitation concerns someone who
/// may not read the group's content (yet), so it carries no group for the access re-check: it shows only the name
/// they already know from their own request or invitation.
/// </summary>
public sealed class GroupNotices(INotifier notifier)
{
    public async Task JoinRequestedAsync(AppDbContext db, Group group, string requesterId, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(group);
        var moderators = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == group.Id && m.Role >= GroupRole.Moderator).Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var moderator in moderators)
        {
            notifier.Add(db, new NotificationRequest(
                moderator, NotificationKind.JoinRequest, requesterId, Subject(group, "requests"), "/" + GroupLinks.Members(group.Slug), group.Name,
                string.IsNullOrWhiteSpace(message) ? null : message, group.Id));
        }
    }

    public void RequestAnswered(AppDbContext db, Group group, string requesterId, string moderatorId, bool approved)
    {
        ArgumentNullException.ThrowIfNull(group);
        notifier.Add(db, new NotificationRequest(
            requesterId, approved ? NotificationKind.JoinApproved : NotificationKind.JoinDeclined, moderatorId, Subject(group, "membership"),
            "/" + GroupLinks.Page(group.Slug), group.Name));
    }

    /// <summary>
    /// An invitation to an address that has an account. The link is the invitation's own (its token): the member can
    /// open it from the bell as from the mail, even for a hidden group they could not otherwise find.
    /// </summary>
    public void Invited(AppDbContext db, Group group, string inviteeId, string inviterId, string token)
    {
        ArgumentNullException.ThrowIfNull(group);
        notifier.Add(db, new NotificationRequest(
            inviteeId, NotificationKind.Invitation, inviterId, Subject(group, "invitation"), "/" + GroupLinks.Invitation(token), group.Name,
            group.Summary));
    }

    private static string Subject(Group group, string what) => string.Create(CultureInfo.InvariantCulture, $"group:{group.Id:D}:{what}");
}
