using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// The one way a feature notifies a member. Like <c>IEmailOutbox.Enqueue</c>, <see cref="Add"/> stages a row in the
/// caller's context, so the notification commits (or rolls back) with the change that caused it; the bell and any
/// e-mail follow after commit. A request whose recipient is its actor is dropped: nobody is told what they did.
/// </summary>
public interface INotifier
{
    /// <summary>Adds the notification to <paramref name="db"/> (not saved); returns false when it was dropped.</summary>
    bool Add(AppDbContext db, NotificationRequest request);
}
