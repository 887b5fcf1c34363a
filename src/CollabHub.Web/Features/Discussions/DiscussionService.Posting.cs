using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>Starts a thread in the group; the body becomes its opening post.</summary>
    public async Task<PostReceipt> StartThreadAsync(ClaimsPrincipal user, string groupSlug, string? title, string? body, CancellationToken cancellationToken = default)
    {
        var validTitle = DiscussionRules.Title(title);
        await using var work = await BeginAsync(user, cancellationToken);
        var access = await GroupAccessService.LoadAsync(work.Db, g => g.Slug == groupSlug, work.Viewer, cancellationToken);
        if (access is not { CanRead: true })
        {
            throw DiscussionException.NotAvailable();
        }

        if (!access.CanParticipate)
        {
            throw new DiscussionException(JoinToTakePart);
        }

        var content = await ComposeAsync(work.Db, access.Group.Id, work.UserId, body, cancellationToken);
        await TakePostingAllowanceAsync(work, cancellationToken);
        var (thread, opening) = DiscussionThread.Start(access.Group.Id, work.UserId, validTitle, content, work.Now);
        work.Db.DiscussionThreads.Add(thread);
        var mentioned = await RecordPostAsync(work, access, thread, opening, content, null, cancellationToken);

        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, opening.Id, opening.Number, DiscussionActivityKind.ThreadStarted));
        await PublishMentionsAsync(mentioned, thread.GroupId, opening);
        return new PostReceipt(thread.Id, opening.Id, opening.Number, GroupOf(access).ThreadPath(thread.Id));
    }

    /// <summary>Adds a reply at the end of the thread, optionally answering one of its posts.</summary>
    public async Task<PostReceipt> ReplyAsync(ClaimsPrincipal user, Guid threadId, string? body, Guid? replyToPostId = null, CancellationToken cancellationToken = default)
    {
        await using var work = await BeginAsync(user, cancellationToken);
        var thread = await LockThreadAsync(work.Db, threadId, cancellationToken);
        var access = await ParticipantAsync(work.Db, thread.GroupId, work.Viewer, cancellationToken);
        thread.EnsureOpen();
        var replyTo = replyToPostId is { } id
            ? await work.Db.DiscussionPosts.SingleOrDefaultAsync(p => p.Id == id && p.ThreadId == thread.Id, cancellationToken)
                ?? throw new DiscussionException("The post you are replying to is not in this thread.")
            : null;

        var content = await ComposeAsync(work.Db, thread.GroupId, work.UserId, body, cancellationToken);
        await TakePostingAllowanceAsync(work, cancellationToken);
        var post = thread.Reply(work.UserId, content, replyTo, work.Now);
        var mentioned = await RecordPostAsync(work, access, thread, post, content, replyTo?.AuthorId, cancellationToken);

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
        await using var work = await BeginAsync(user, cancellationToken);
        var (post, thread) = await LockPostAsync(work.Db, postId, cancellationToken);
        await ParticipantAsync(work.Db, thread.GroupId, work.Viewer, cancellationToken);
        thread.EnsureOpen();
        if (post.Version != expectedVersion)
        {
            throw new DiscussionException("This post was changed since you opened the editor. Copy your text, reload, and edit the current version.");
        }

        var content = await ComposeAsync(work.Db, thread.GroupId, work.UserId, body, cancellationToken);
        string? previousTitle = null;
        if (post.IsOpening && title is not null && DiscussionRules.Title(title) != thread.Title)
        {
            previousTitle = thread.Title;
            thread.Rename(title);
        }

        work.Db.DiscussionPostRevisions.Add(post.Edit(work.UserId, content, work.Now, previousTitle));
        var mentioned = await SyncMentionsAsync(work.Db, post.Id, content.MentionedUserIds, work.Now, cancellationToken);
        notices.Mentioned(work.Db, Notice(await GroupOfAsync(work.Db, thread.GroupId, cancellationToken), thread, post, content with { MentionedUserIds = mentioned }, null));
        await work.CommitAsync(cancellationToken);

        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Edited));
        await PublishMentionsAsync(mentioned, thread.GroupId, post);
    }

    private Task<DiscussionWork> BeginAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        DiscussionWork.BeginAsync(contexts, user, clock, cancellationToken);

    /// <summary>
    /// Stores a new post with its mentions; the author follows the thread and has read up to it; the members to tell
    /// are notified in the same transaction. Commits.
    /// </summary>
    private async Task<IReadOnlyList<string>> RecordPostAsync(
        DiscussionWork work, GroupAccess access, DiscussionThread thread, DiscussionPost post, PostContent content, string? replyToAuthorId, CancellationToken cancellationToken)
    {
        work.Db.DiscussionPosts.Add(post);
        await work.Db.SaveChangesAsync(cancellationToken);
        var mentioned = await SyncMentionsAsync(work.Db, post.Id, content.MentionedUserIds, work.Now, cancellationToken);
        await notices.PostedAsync(work.Db, Notice(GroupOf(access), thread, post, content with { MentionedUserIds = mentioned }, replyToAuthorId), cancellationToken);
        await FollowOnPostingAsync(work.Db, post.ThreadId, work.UserId, work.Now, cancellationToken);
        await AdvanceReadAsync(work.Db, post.ThreadId, work.UserId, post.Number, work.Now, cancellationToken);
        // The group's "active" order in the directory follows its discussions.
        access.Group.LastActivityAt = work.Now;
        await work.CommitAsync(cancellationToken);
        return mentioned;
    }

    private async Task TakePostingAllowanceAsync(DiscussionWork work, CancellationToken cancellationToken)
    {
        var createdAt = await work.Db.Users.Where(u => u.Id == work.UserId).Select(u => (DateTimeOffset?)u.CreatedAt).SingleOrDefaultAsync(cancellationToken)
            ?? throw DiscussionException.NotAvailable();
        if (!rateLimiter.TryAcquire(work.UserId, createdAt, out var retryAfter))
        {
            throw new DiscussionException(PostingRateLimiter.RetryMessage(retryAfter));
        }
    }

    private static DiscussionPosted Notice(DiscussionGroup group, DiscussionThread thread, DiscussionPost post, PostContent content, string? replyToAuthorId) =>
        new(group.Id, thread.Id, thread.Title, thread.AuthorId, post.Number, post.AuthorId!, content.Markdown, "/" + group.PostPath(thread.Id, post.Number),
            content.MentionedUserIds, replyToAuthorId);
}
