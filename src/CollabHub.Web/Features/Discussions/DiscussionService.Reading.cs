using CollabHub.Web.Features.Members.Profiles;
using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>The group and the viewer's access, for a page inside the group's discussions; null means the site's 404.</summary>
    public async Task<GroupAccess?> FindReadableGroupAsync(ClaimsPrincipal user, string groupSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, ViewerOf(user), cancellationToken);
        return access is { CanRead: true } ? access : null;
    }

    /// <summary>The group's access and a thread's title for the page around the live thread view; null means the site's 404.</summary>
    public async Task<(GroupAccess Access, string Title)?> FindThreadAsync(ClaimsPrincipal user, string groupSlug, Guid threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var thread = await db.DiscussionThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return null;
        }

        var access = await GroupAccessService.LoadAsync(db, g => g.Id == thread.GroupId, ViewerOf(user), cancellationToken);
        return access is { CanRead: true } && access.Group.Slug == groupSlug && (!thread.IsRemoved || access.CanModerate)
            ? (access, thread.Title)
            : null;
    }

    /// <summary>One page of the group's threads: pinned first (latest pin first), then by last activity.</summary>
    public async Task<ThreadList?> ListThreadsAsync(ClaimsPrincipal user, string groupSlug, int? page, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, viewer, cancellationToken);
        if (access is not { CanRead: true })
        {
            return null;
        }

        var userId = viewer.UserId!;
        var threads = db.DiscussionThreads.AsNoTracking().Where(t => t.GroupId == access.Group.Id && t.RemovedAt == null);
        var total = await threads.CountAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, DiscussionRules.ThreadsPerPage);
        var pageNumber = Paging.Within(page ?? 1, total, DiscussionRules.ThreadsPerPage);
        var rows = await (
                from t in threads
                join u in db.Users on t.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                join a in db.MemberAvatars on t.AuthorId equals a.UserId into avatars
                from a in avatars.DefaultIfEmpty()
                orderby t.PinnedAt != null descending, t.PinnedAt descending, t.LastActivityAt descending
                select new
                {
                    Thread = t,
                    AuthorName = u == null ? null : u.DisplayName,
                    AvatarVersion = a == null ? (Guid?)null : a.Version,
                    LastRead = db.DiscussionThreadReads.Where(r => r.ThreadId == t.Id && r.UserId == userId).Select(r => (int?)r.LastReadNumber).FirstOrDefault(),
                    Level = db.DiscussionThreadSubscriptions.Where(s => s.ThreadId == t.Id && s.UserId == userId).Select(s => (SubscriptionLevel?)s.Level).FirstOrDefault(),
                })
            .Skip((pageNumber - 1) * DiscussionRules.ThreadsPerPage)
            .Take(DiscussionRules.ThreadsPerPage)
            .ToListAsync(cancellationToken);

        var items = rows.Select(r =>
        {
            var muted = r.Level == SubscriptionLevel.Muted;
            var unread = muted ? 0 : r.Thread.PostCount - (r.LastRead ?? 0);
            return new ThreadListItem(
                r.Thread.Id,
                r.Thread.Title,
                PostAuthor.Of(r.Thread.AuthorId, r.AuthorName, r.AvatarVersion),
                r.Thread.LastActivityAt,
                r.Thread.PostCount - 1,
                r.Thread.IsPinned,
                r.Thread.IsLocked,
                IsNew: !muted && r.LastRead is null,
                UnreadCount: unread,
                FirstUnreadNumber: unread > 0 ? (r.LastRead ?? 0) + 1 : null,
                r.Level);
        }).ToList();

        return new ThreadList(GroupOf(access), RightsOf(access), items, pageNumber, pageCount, total, await MemberTimeZones.OfMemberAsync(db, userId, cancellationToken));
    }

    /// <summary>
    /// A page of a thread for the viewer (the page holding post <paramref name="postNumber"/> when given), and records
    /// that they have read up to its last post. Null when the thread is not in that group or not for this viewer.
    /// </summary>
    public async Task<ThreadPage?> ReadThreadAsync(
        ClaimsPrincipal user, string groupSlug, Guid threadId, int? page, int? postNumber = null, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var thread = await db.DiscussionThreads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null)
        {
            return null;
        }

        var access = await GroupAccessService.LoadAsync(db, g => g.Id == thread.GroupId, viewer, cancellationToken);
        if (access is not { CanRead: true } || access.Group.Slug != groupSlug || (thread.IsRemoved && !access.CanModerate))
        {
            return null;
        }

        var userId = viewer.UserId!;
        var pageCount = ThreadPage.PageCountFor(thread.PostCount);
        var pageNumber = Math.Clamp(postNumber is > 0 ? ThreadPage.PageOf(postNumber.Value) : page ?? 1, 1, pageCount);
        var first = ((pageNumber - 1) * DiscussionRules.PostsPerPage) + 1;
        var posts = await ThreadPosts.LoadAsync(db, access, thread, first, first + DiscussionRules.PostsPerPage - 1, cancellationToken);

        var read = await db.DiscussionThreadReads.SingleOrDefaultAsync(r => r.ThreadId == threadId && r.UserId == userId, cancellationToken);
        int? firstUnread = (read?.LastReadNumber ?? 0) < thread.PostCount ? (read?.LastReadNumber ?? 0) + 1 : null;
        await MarkReadAsync(db, read, thread.Id, userId, posts.Count == 0 ? 0 : posts[^1].Number, cancellationToken);

        var level = await db.DiscussionThreadSubscriptions
            .Where(s => s.ThreadId == threadId && s.UserId == userId)
            .Select(s => (SubscriptionLevel?)s.Level)
            .SingleOrDefaultAsync(cancellationToken);
        return new ThreadPage(
            GroupOf(access), thread.Id, thread.Title, thread.IsPinned, thread.IsLocked, thread.IsRemoved, RightsOf(access), level,
            pageNumber, pageCount, thread.PostCount, firstUnread, posts, await MemberTimeZones.OfMemberAsync(db, userId, cancellationToken));
    }

    /// <summary>Posts with open flags in the group, oldest flag first; moderators only (null for anyone else: the page is a 404).</summary>
    public async Task<FlagQueue?> GetFlagQueueAsync(ClaimsPrincipal user, string groupSlug, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, viewer, cancellationToken);
        if (access is not { CanRead: true, CanModerate: true })
        {
            return null;
        }

        var posts = await FlagQueueQuery.LoadAsync(db, access.Group.Id, cancellationToken);
        return new FlagQueue(GroupOf(access), posts, await MemberTimeZones.OfMemberAsync(db, viewer.UserId, cancellationToken));
    }

    private async Task MarkReadAsync(AppDbContext db, DiscussionThreadRead? read, Guid threadId, string userId, int upTo, CancellationToken cancellationToken)
    {
        if (upTo == 0)
        {
            return;
        }

        if (read is null)
        {
            read = new DiscussionThreadRead(threadId, userId);
            db.DiscussionThreadReads.Add(read);
        }

        if (!read.Advance(upTo, clock.GetUtcNow()))
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tab recorded its reading at the same moment; the marker only matters approximately.
        }
    }
}
