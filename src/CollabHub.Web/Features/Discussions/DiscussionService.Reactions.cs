using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>Adds the viewer's reaction; giving the same one twice is refused and changes nothing.</summary>
    public async Task AddReactionAsync(ClaimsPrincipal user, Guid postId, string code, CancellationToken cancellationToken = default)
    {
        var kind = Reactions.Find(code);
        await using var work = await BeginAsync(user, cancellationToken);
        var (db, userId) = (work.Db, work.UserId);
        var (post, thread) = await FindPostAsync(db, postId, cancellationToken);
        await ParticipantAsync(db, thread.GroupId, work.Viewer, cancellationToken);
        if (thread.IsRemoved)
        {
            throw new DiscussionException("This thread was removed, so it takes no more reactions.");
        }

        post.EnsureNotRemoved();
        if (await db.DiscussionReactions.AnyAsync(r => r.PostId == postId && r.UserId == userId && r.Code == kind.Code, cancellationToken))
        {
            throw AlreadyReacted(kind);
        }

        db.DiscussionReactions.Add(new DiscussionReaction(postId, userId, kind.Code, work.Now));
        try
        {
            await work.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same reaction from another tab won the race; the key kept it to one.
            throw AlreadyReacted(kind);
        }

        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Reacted));
    }

    /// <summary>Takes the viewer's reaction back.</summary>
    public async Task RemoveReactionAsync(ClaimsPrincipal user, Guid postId, string code, CancellationToken cancellationToken = default)
    {
        var kind = Reactions.Find(code);
        await using var work = await BeginAsync(user, cancellationToken);
        var (post, thread) = await FindPostAsync(work.Db, postId, cancellationToken);
        await ParticipantAsync(work.Db, thread.GroupId, work.Viewer, cancellationToken);
        var removed = await work.Db.DiscussionReactions
            .Where(r => r.PostId == postId && r.UserId == work.UserId && r.Code == kind.Code)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw new DiscussionException($"You had not reacted with {kind.Emoji} to this post.");
        }

        await work.CommitAsync(cancellationToken);

        await PublishAsync(new DiscussionActivity(thread.GroupId, thread.Id, post.Id, post.Number, DiscussionActivityKind.Reacted));
    }

    /// <summary>Follows or mutes the thread, or (null) goes back to the default.</summary>
    public async Task SetSubscriptionAsync(ClaimsPrincipal user, Guid threadId, SubscriptionLevel? level, CancellationToken cancellationToken = default)
    {
        if (level is { } chosen && !Enum.IsDefined(chosen))
        {
            throw new DiscussionException("Choose to follow or mute the thread.");
        }

        await using var work = await BeginAsync(user, cancellationToken);
        var (db, userId, now) = (work.Db, work.UserId, work.Now);
        var thread = await LockThreadAsync(db, threadId, cancellationToken);
        await ReaderAsync(db, thread.GroupId, work.Viewer, cancellationToken);
        var subscription = await db.DiscussionThreadSubscriptions.SingleOrDefaultAsync(s => s.ThreadId == threadId && s.UserId == userId, cancellationToken);
        switch (level, subscription)
        {
            case (null, null):
                break;
            case (null, { } existing):
                db.DiscussionThreadSubscriptions.Remove(existing);
                break;
            case ({ } wanted, null):
                db.DiscussionThreadSubscriptions.Add(new DiscussionThreadSubscription(threadId, userId, wanted, now));
                break;
            case ({ } wanted, { } existing):
                existing.Change(wanted, now);
                break;
        }

        await work.CommitAsync(cancellationToken);
    }

    private static DiscussionException AlreadyReacted(Reactions.Kind kind) =>
        new($"You have already reacted with {kind.Emoji} to this post.");

    private static async Task<(DiscussionPost Post, DiscussionThread Thread)> FindPostAsync(
        Infrastructure.Data.AppDbContext db, Guid postId, CancellationToken cancellationToken)
    {
        var row = await (
                from p in db.DiscussionPosts
                join t in db.DiscussionThreads on p.ThreadId equals t.Id
                where p.Id == postId
                select new { Post = p, Thread = t })
            .SingleOrDefaultAsync(cancellationToken) ?? throw DiscussionException.NotAvailable();
        return (row.Post, row.Thread);
    }
}
