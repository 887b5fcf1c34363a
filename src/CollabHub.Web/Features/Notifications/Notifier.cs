using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Notifications;

public sealed class Notifier(TimeProvider time) : INotifier
{
    public bool Add(AppDbContext db, NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (request.ActorId == request.RecipientId)
        {
            return false;
        }

        db.Notifications.Add(Notification.From(request, time.GetUtcNow()));
        return true;
    }
}
