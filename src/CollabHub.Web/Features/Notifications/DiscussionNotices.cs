using System.Globalization;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// Who hears about a post, staged in the discussion's own transaction: the members it mentions; for a new thread, the
/// group's members who follow the group (everyone but those who turned it off); for a reply, the thread's followers,
/// its starter and the author of the post answered, unless they muted the thread. Each person gets one notification
/// per post (a mention wins over a reply), and never the author.
/// </summary>
public sealed class DiscussionNotices(INotifier notifier, PostMarkup markup)
{
    private const int ExcerptLength = 200;

    public async Task PostedAsync(AppDbContext db, DiscussionPosted post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(post);
        var told = new HashSet<string>(StringComparer.Ordinal) { post.AuthorId };
        Mentioned(db, post, told);
        if (post.Number == 1)
        {
            var followers = await db.GroupMemberships.AsNoTracking()
                .Where(m => m.GroupId == post.GroupId
                    && !db.GroupFollows.Any(f => f.GroupId == m.GroupId && f.UserId == m.UserId && !f.FollowsNewThreads))
                .Select(m => m.UserId).ToListAsync(cancellationToken);
            Notify(db, post, followers.Where(told.Add), NotificationKind.NewThread, string.Create(CultureInfo.InvariantCulture, $"group:{post.GroupId:D}:threads"));
            return;
        }

        var subscriptions = await db.DiscussionThreadSubscriptions.AsNoTracking()
            .Where(s => s.ThreadId == post.ThreadId).Select(s => new { s.UserId, s.Level }).ToListAsync(cancellationToken);
        var muted = subscriptions.Where(s => s.Level == SubscriptionLevel.Muted).Select(s => s.UserId).ToHashSet(StringComparer.Ordinal);
        var interested = subscriptions.Where(s => s.Level == SubscriptionLevel.Following).Select(s => s.UserId)
            .Append(post.ThreadAuthorId).Append(post.ReplyToAuthorId)
            .OfType<string>()
            .Where(id => !muted.Contains(id))
            .Distinct(StringComparer.Ordinal);
        Notify(db, post, interested.Where(told.Add), NotificationKind.Reply, ThreadSubject(post.ThreadId));
    }

    /// <summary>Mentions only (an edit that adds some).</summary>
    public void Mentioned(AppDbContext db, DiscussionPosted post, ISet<string>? told = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        told ??= new HashSet<string>(StringComparer.Ordinal) { post.AuthorId };
        Notify(db, post, post.Mentioned.Where(told.Add), NotificationKind.Mention, ThreadSubject(post.ThreadId));
    }

    private void Notify(AppDbContext db, DiscussionPosted post, IEnumerable<string> recipients, NotificationKind kind, string subject)
    {
        // As the post reads, not its Markdown: "**" and a mention's "@**Name|id**" showed in the bell and in e-mails.
        var excerpt = Notification.Clip(markup.ToPlainText(post.Markdown), ExcerptLength);

        foreach (var recipient in recipients.ToList())
        {
            notifier.Add(db, new NotificationRequest(recipient, kind, post.AuthorId, subject, post.Url, post.ThreadTitle, excerpt, post.GroupId));
        }
    }

    private static string ThreadSubject(Guid threadId) => string.Create(CultureInfo.InvariantCulture, $"thread:{threadId:D}");
}
