using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>Starts a thread in the group; the body becomes its opening post.</summary>
    public async Task<PostReceipt> StartThreadAsync(ClaimsPrincipal user, string groupSlug, string? title, string? body, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        var userId = RequireSignedIn(viewer);
        var validTitle = DiscussionRules.Title(title);
        var now = clock.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, viewer, cancellationToken);
        if (access is not { CanRead: true })
        {
            throw DiscussionException.NotAvailable();
        }

        if (!access.CanParticipate)
        {
            throw new DiscussionException(JoinToTakePart);
        }

        var content = await ComposeAsync(db, access.Group.Id, userId, body, cancellationToken);
        await TakePostingAllowanceAsync(db, userId, cancellationToken);

        var (thread, opening) = DiscussionThread.Start(access.Group.Id, userId, validTitle, content, now);
        db.DiscussionThreads.Add(thread);
        db.DiscussionPosts.Add(opening);
        await db.SaveChangesAsync(cancellationToken);
        var mentioned = await SyncMentionsAsync(db, opening.Id, content.MentionedUserIds, now, cancellationToken);
        await FollowOnPostingAsync(db, thread.Id, userId, now, cancellationToken);
        await AdvanceReadAsync(db, thread.Id, userId, opening.Number, now, cancellationToken);
        access.Group.LastActivityAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, opening.Id, opening.Number, DiscussionActivityKind.ThreadStarted));
        await PublishMentionsAsync(mentioned, thread.GroupId, opening);
        return new PostReceipt(thread.Id, opening.Id, opening.Number, GroupOf(access).ThreadPath(thread.Id));
    }

    /// <summary>Adds a reply at the end of the thread, optionally answering one of its posts.</summary>
    public async Task<PostReceipt> ReplyAsync(ClaimsPrincipal user, Guid threadId, string? body, Guid? replyToPostId = null, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        var userId = RequireSignedIn(viewer);
        var now = clock.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var thread = await LockThreadAsync(db, threadId, cancellationToken);
        var access = await ParticipantAsync(db, thread.GroupId, viewer, cancellationToken);
        thread.EnsureOpen();
        var replyTo = replyToPostId is { } id
            ? await db.DiscussionPosts.SingleOrDefaultAsync(p => p.Id == id && p.ThreadId == thread.Id, cancellationToken)
                ?? throw new DiscussionException("The post you are replying to is not in this thread.")
            : null;

        var content = await ComposeAsync(db, thread.GroupId, userId, body, cancellationToken);
        await TakePostingAllowanceAsync(db, userId, cancellationToken);

        var post = thread.Reply(userId, content, replyTo, now);
        db.DiscussionPosts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        var mentioned = await SyncMentionsAsync(db, post.Id, content.MentionedUserIds, now, cancellationToken);
        await FollowOnPostingAsync(db, thread.Id, userId, now, cancellationToken);
        await AdvanceReadAsync(db, thread.Id, userId, post.Number, now, cancellationToken);
        access.Group.LastActivityAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Replied));
        await PublishMentionsAsync(mentioned, thread.GroupId, post);
        return new PostReceipt(thread.Id, post.Id, post.Number, GroupOf(access).PostPath(thread.Id, post.Number));
    }

    /// <summary>
    /// The author edits a post (and, for the opening post, the title). <paramref name="expectedVersion"/> is the version
    /// the editor started from: if the post changed meanwhile (another tab), nothing is overwritten.
    /// </summary>
    public async Task EditPostAsync(ClaimsPrincipal user, Guid postId, int expectedVersion, string? body, string? title = null, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        var userId = RequireSignedIn(viewer);
        var now = clock.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (post, thread) = await LockPostAsync(db, postId, cancellationToken);
        await ParticipantAsync(db, thread.GroupId, viewer, cancellationToken);
        thread.EnsureOpen();
        if (post.Version != expectedVersion)
        {
            throw new DiscussionException("This post was changed since you opened the editor. Copy your text, reload, and edit the current version.");
        }

        var content = await ComposeAsync(db, thread.GroupId, userId, body, cancellationToken);
        string? previousTitle = null;
        if (post.IsOpening && title is not null && DiscussionRules.Title(title) != thread.Title)
        {
            previousTitle = thread.Title;
            thread.Rename(title);
        }

        db.DiscussionPostRevisions.Add(post.Edit(userId, content, now, previousTitle));
        var mentioned = await SyncMentionsAsync(db, post.Id, content.MentionedUserIds, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Edited));
        await PublishMentionsAsync(mentioned, thread.GroupId, post);
    }

    private async Task TakePostingAllowanceAsync(Infrastructure.Data.AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        var createdAt = await db.Users.Where(u => u.Id == userId).Select(u => (DateTimeOffset?)u.CreatedAt).SingleOrDefaultAsync(cancellationToken)
            ?? throw DiscussionException.NotAvailable();
        if (!rateLimiter.TryAcquire(userId, createdAt, out var retryAfter))
        {
            throw new DiscussionException(PostingRateLimiter.RetryMessage(retryAfter));
        }
    }
}
