using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

/// <summary>What a member wrote and did in discussions, for their data download: posts with every earlier version, reactions, flags, follows.</summary>
public sealed class DiscussionPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "discussions";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var posts = await (
                from p in db.DiscussionPosts.AsNoTracking()
                join t in db.DiscussionThreads on p.ThreadId equals t.Id
                join g in db.Groups on t.GroupId equals g.Id
                where p.AuthorId == userId
                orderby p.CreatedAt
                select new
                {
                    groupName = g.Name,
                    thread = t.Title,
                    number = p.Number,
                    writtenAt = p.CreatedAt,
                    editedAt = p.EditedAt,
                    deletedAt = p.DeletedAt,
                    hiddenAt = p.HiddenAt,
                    markdown = p.Body,
                    earlierVersions = db.DiscussionPostRevisions
                        .Where(r => r.PostId == p.Id)
                        .OrderBy(r => r.Version)
                        .Select(r => new { version = r.Version, writtenAt = r.WrittenAt, markdown = r.Body })
                        .ToList(),
                })
            .ToListAsync(cancellationToken);
        var reactions = await (
                from r in db.DiscussionReactions.AsNoTracking()
                join p in db.DiscussionPosts on r.PostId equals p.Id
                join t in db.DiscussionThreads on p.ThreadId equals t.Id
                where r.UserId == userId
                orderby r.CreatedAt
                select new { thread = t.Title, number = p.Number, reaction = r.Code, at = r.CreatedAt })
            .ToListAsync(cancellationToken);
        var flags = await (
                from f in db.DiscussionFlags.AsNoTracking()
                join p in db.DiscussionPosts on f.PostId equals p.Id
                join t in db.DiscussionThreads on p.ThreadId equals t.Id
                where f.FlaggerId == userId
                orderby f.CreatedAt
                select new { thread = t.Title, number = p.Number, reason = f.Reason.ToString(), details = f.Details, outcome = f.Status.ToString(), at = f.CreatedAt })
            .ToListAsync(cancellationToken);
        var subscriptions = await (
                from s in db.DiscussionThreadSubscriptions.AsNoTracking()
                join t in db.DiscussionThreads on s.ThreadId equals t.Id
                where s.UserId == userId
                select new { thread = t.Title, level = s.Level.ToString() })
            .ToListAsync(cancellationToken);

        return posts.Count + reactions.Count + flags.Count + subscriptions.Count == 0
            ? null
            : new { posts, reactions, flags, subscriptions };
    }
}
