using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>The author deletes their post; deleting the opening post removes the thread.</summary>
    public async Task DeletePostAsync(ClaimsPrincipal user, Guid postId, CancellationToken cancellationToken = default)
    {
        await using var work = await BeginAsync(user, cancellationToken);
        var (post, thread) = await LockPostAsync(work.Db, postId, cancellationToken);
        await ReaderAsync(work.Db, thread.GroupId, work.Viewer, cancellationToken);
        post.SoftDelete(work.UserId, work.Now);
        if (post.IsOpening)
        {
            thread.Remove(work.Now);
        }

        await work.CommitAsync(cancellationToken);
        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Deleted));
    }

    /// <summary>A moderator hides a post (the opening post hides the thread); open flags on it are upheld and their flaggers told.</summary>
    public Task HidePostAsync(ClaimsPrincipal user, Guid postId, string? reason, CancellationToken cancellationToken = default) =>
        ModerateAsync(user, postId, FlagDecision.HidePost, reason, requireOpenFlags: false, cancellationToken);

    /// <summary>A moderator decides on a flagged post: hide it, or keep it. Every flagger is told by mail in the same transaction.</summary>
    public Task DecideFlagsAsync(ClaimsPrincipal user, Guid postId, FlagDecision decision, CancellationToken cancellationToken = default) =>
        ModerateAsync(user, postId, decision, "Hidden after members flagged it.", requireOpenFlags: true, cancellationToken);

    public Task SetPinnedAsync(ClaimsPrincipal user, Guid threadId, bool pinned, CancellationToken cancellationToken = default) =>
        ChangeThreadAsync(user, threadId, pinned ? (thread, now) => thread.Pin(now) : (thread, _) => thread.Unpin(), cancellationToken);

    public Task SetLockedAsync(ClaimsPrincipal user, Guid threadId, bool locked, CancellationToken cancellationToken = default) =>
        ChangeThreadAsync(user, threadId, locked ? (thread, now) => thread.Lock(now) : (thread, _) => thread.Unlock(), cancellationToken);

    /// <summary>A member reports someone else's post to the group's moderators, once.</summary>
    public async Task FlagPostAsync(ClaimsPrincipal user, Guid postId, FlagReason reason, string? details, CancellationToken cancellationToken = default)
    {
        await using var work = await BeginAsync(user, cancellationToken);
        var (post, thread) = await LockPostAsync(work.Db, postId, cancellationToken);
        await ParticipantAsync(work.Db, thread.GroupId, work.Viewer, cancellationToken);
        if (await work.Db.DiscussionFlags.AnyAsync(f => f.PostId == postId && f.FlaggerId == work.UserId, cancellationToken))
        {
            throw new DiscussionException("You have already flagged this post; the moderators will review it.");
        }

        work.Db.DiscussionFlags.Add(DiscussionFlag.Raise(post, work.UserId, reason, details, work.Now));
        await work.CommitAsync(cancellationToken);
    }

    /// <summary>Earlier versions of a post, newest first; moderators only.</summary>
    public async Task<IReadOnlyList<PostRevisionView>> GetRevisionsAsync(ClaimsPrincipal user, Guid postId, CancellationToken cancellationToken = default)
    {
        await using var work = await BeginAsync(user, cancellationToken);
        var (_, thread) = await FindPostAsync(work.Db, postId, cancellationToken);
        await ModeratorAsync(work.Db, thread.GroupId, work.Viewer, cancellationToken);
        return await work.Db.DiscussionPostRevisions.AsNoTracking()
            .Where(r => r.PostId == postId)
            .OrderByDescending(r => r.Version)
            .Select(r => new PostRevisionView(r.Version, r.Title, r.BodyHtml, r.WrittenAt, r.ReplacedAt))
            .ToListAsync(cancellationToken);
    }

    private async Task ChangeThreadAsync(ClaimsPrincipal user, Guid threadId, Action<DiscussionThread, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await using var work = await BeginAsync(user, cancellationToken);
        var thread = await LockThreadAsync(work.Db, threadId, cancellationToken);
        await ModeratorAsync(work.Db, thread.GroupId, work.Viewer, cancellationToken);
        change(thread, work.Now);
        await work.CommitAsync(cancellationToken);
        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, null, null, DiscussionActivityKind.ThreadChanged));
    }

    /// <summary>Hides the post (unless keeping it or it is already gone) and gives its open flags the decision's outcome.</summary>
    private async Task ModerateAsync(
        ClaimsPrincipal user, Guid postId, FlagDecision decision, string? reason, bool requireOpenFlags, CancellationToken cancellationToken)
    {
        await using var work = await BeginAsync(user, cancellationToken);
        var (post, thread) = await LockPostAsync(work.Db, postId, cancellationToken);
        var access = await ModeratorAsync(work.Db, thread.GroupId, work.Viewer, cancellationToken);
        var hides = decision == FlagDecision.HidePost && (!requireOpenFlags || !post.IsRemoved);
        if (hides)
        {
            post.Hide(work.UserId, reason, work.Now);
            if (post.IsOpening)
            {
                thread.Remove(work.Now);
            }
        }

        if (await DecideOpenFlagsAsync(work, access, thread, post, decision, cancellationToken) == 0 && requireOpenFlags)
        {
            throw new DiscussionException("These flags have already been decided by another moderator.");
        }

        await work.CommitAsync(cancellationToken);
        if (hides)
        {
            await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Hidden));
        }
    }

    /// <summary>Gives every open flag on the post the decision's outcome and queues a mail to each flagger; returns how many.</summary>
    private async Task<int> DecideOpenFlagsAsync(
        DiscussionWork work, GroupAccess access, DiscussionThread thread, DiscussionPost post, FlagDecision decision, CancellationToken cancellationToken)
    {
        var db = work.Db;
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
                flag.Uphold(work.UserId, work.Now);
            }
            else
            {
                flag.Dismiss(work.UserId, work.Now);
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
