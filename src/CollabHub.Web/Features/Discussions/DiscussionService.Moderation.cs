using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>The author deletes their post; deleting the opening post removes the thread.</summary>
    public async Task DeletePostAsync(ClaimsPrincipal user, Guid postId, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        var userId = RequireSignedIn(viewer);
        var now = clock.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (post, thread) = await LockPostAsync(db, postId, cancellationToken);
        await ReaderAsync(db, thread.GroupId, viewer, cancellationToken);
        post.SoftDelete(userId, now);
        if (post.IsOpening)
        {
            thread.Remove(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Deleted));
    }

    /// <summary>A moderator hides a post (the opening post hides the thread); open flags on it are upheld and their flaggers told.</summary>
    public async Task HidePostAsync(ClaimsPrincipal user, Guid postId, string? reason, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        var userId = RequireSignedIn(viewer);
        var now = clock.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (post, thread) = await LockPostAsync(db, postId, cancellationToken);
        var access = await ModeratorAsync(db, thread.GroupId, viewer, cancellationToken);
        Hide(post, thread, userId, reason, now);
        await DecideOpenFlagsAsync(db, access, thread, post, FlagDecision.HidePost, userId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Hidden));
    }

    public Task SetPinnedAsync(ClaimsPrincipal user, Guid threadId, bool pinned, CancellationToken cancellationToken = default) =>
        ChangeThreadAsync(user, threadId, (thread, now) =>
        {
            if (pinned)
            {
                thread.Pin(now);
            }
            else
            {
                thread.Unpin();
            }
        }, cancellationToken);

    public Task SetLockedAsync(ClaimsPrincipal user, Guid threadId, bool locked, CancellationToken cancellationToken = default) =>
        ChangeThreadAsync(user, threadId, (thread, now) =>
        {
            if (locked)
            {
                thread.Lock(now);
            }
            else
            {
                thread.Unlock();
            }
        }, cancellationToken);

    /// <summary>A member reports someone else's post to the group's moderators, once.</summary>
    public async Task FlagPostAsync(ClaimsPrincipal user, Guid postId, FlagReason reason, string? details, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        var userId = RequireSignedIn(viewer);
        var now = clock.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (post, thread) = await LockPostAsync(db, postId, cancellationToken);
        await ParticipantAsync(db, thread.GroupId, viewer, cancellationToken);
        if (await db.DiscussionFlags.AnyAsync(f => f.PostId == postId && f.FlaggerId == userId, cancellationToken))
        {
            throw new DiscussionException("You have already flagged this post; the moderators will review it.");
        }

        db.DiscussionFlags.Add(DiscussionFlag.Raise(post, userId, reason, details, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A moderator decides on a flagged post: hide it, or keep it. Every flagger is told by mail in the same transaction.</summary>
    public async Task DecideFlagsAsync(ClaimsPrincipal user, Guid postId, FlagDecision decision, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        var userId = RequireSignedIn(viewer);
        var now = clock.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (post, thread) = await LockPostAsync(db, postId, cancellationToken);
        var access = await ModeratorAsync(db, thread.GroupId, viewer, cancellationToken);
        var hides = decision == FlagDecision.HidePost && !post.IsRemoved;
        if (hides)
        {
            Hide(post, thread, userId, reason: "Hidden after members flagged it.", now);
        }

        if (await DecideOpenFlagsAsync(db, access, thread, post, decision, userId, now, cancellationToken) == 0)
        {
            throw new DiscussionException("These flags have already been decided by another moderator.");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (hides)
        {
            await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Hidden));
        }
    }

    /// <summary>Earlier versions of a post, newest first; moderators only.</summary>
    public async Task<IReadOnlyList<PostRevisionView>> GetRevisionsAsync(ClaimsPrincipal user, Guid postId, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        RequireSignedIn(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groupId = await (
                from p in db.DiscussionPosts
                join t in db.DiscussionThreads on p.ThreadId equals t.Id
                where p.Id == postId
                select (Guid?)t.GroupId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw DiscussionException.NotAvailable();
        await ModeratorAsync(db, groupId, viewer, cancellationToken);
        return await db.DiscussionPostRevisions.AsNoTracking()
            .Where(r => r.PostId == postId)
            .OrderByDescending(r => r.Version)
            .Select(r => new PostRevisionView(r.Version, r.Title, r.BodyHtml, r.WrittenAt, r.ReplacedAt))
            .ToListAsync(cancellationToken);
    }

    private async Task ChangeThreadAsync(ClaimsPrincipal user, Guid threadId, Action<DiscussionThread, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var viewer = ViewerOf(user);
        RequireSignedIn(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var thread = await LockThreadAsync(db, threadId, cancellationToken);
        await ModeratorAsync(db, thread.GroupId, viewer, cancellationToken);
        change(thread, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, null, null, DiscussionActivityKind.ThreadChanged));
    }

    private static void Hide(DiscussionPost post, DiscussionThread thread, string moderatorId, string? reason, DateTimeOffset now)
    {
        post.Hide(moderatorId, reason, now);
        if (post.IsOpening)
        {
            thread.Remove(now);
        }
    }

    /// <summary>Gives every open flag on the post the decision's outcome and queues a mail to each flagger; returns how many.</summary>
    private async Task<int> DecideOpenFlagsAsync(
        AppDbContext db, GroupAccess access, DiscussionThread thread, DiscussionPost post, FlagDecision decision, string moderatorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var flags = await db.DiscussionFlags.Where(f => f.PostId == post.Id && f.Status == FlagStatus.Open).ToListAsync(cancellationToken);
        var flaggerIds = flags.Where(f => f.FlaggerId is not null).Select(f => f.FlaggerId!).ToList();
        var flaggers = await db.Users
            .Where(u => flaggerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var threadUrl = urls.Absolute(GroupOf(access).PostPath(thread.Id, post.Number));
        foreach (var flag in flags)
        {
            if (decision == FlagDecision.HidePost)
            {
                flag.Uphold(moderatorId, now);
            }
            else
            {
                flag.Dismiss(moderatorId, now);
            }

            if (flag.FlaggerId is { } flaggerId && flaggers.TryGetValue(flaggerId, out var flagger) && !string.IsNullOrEmpty(flagger.Email))
            {
                outbox.Enqueue(db, new EmailRecipient(flagger.Email, flagger.DisplayName),
                    FlagOutcomeMail.Compose(flag.Status, flag.Reason, access.Group.Name, thread.Title, threadUrl));
            }
        }

        return flags.Count;
    }
}
