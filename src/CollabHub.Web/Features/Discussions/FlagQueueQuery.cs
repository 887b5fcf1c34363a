using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

/// <summary>The moderators' review list of one group: each flagged post once, with all its open flags.</summary>
internal static class FlagQueueQuery
{
    /// <summary>Open flags read per page of the list; a group with more sees the oldest first and the rest after deciding.</summary>
    public const int MaxFlags = 200;

    public static async Task<IReadOnlyList<FlaggedPost>> LoadAsync(AppDbContext db, Guid groupId, CancellationToken cancellationToken)
    {
        var rows = await (
                from f in db.DiscussionFlags.AsNoTracking()
                where f.Status == FlagStatus.Open
                join p in db.DiscussionPosts on f.PostId equals p.Id
                join t in db.DiscussionThreads on p.ThreadId equals t.Id
                where t.GroupId == groupId
                join fu in db.Users on f.FlaggerId equals fu.Id into flaggers
                from fu in flaggers.DefaultIfEmpty()
                join au in db.Users on p.AuthorId equals au.Id into authors
                from au in authors.DefaultIfEmpty()
                orderby f.CreatedAt
                select new
                {
                    Flag = f,
                    FlaggerName = fu == null ? null : fu.DisplayName,
                    Post = p,
                    AuthorName = au == null ? null : au.DisplayName,
                    ThreadTitle = t.Title,
                })
            .Take(MaxFlags)
            .ToListAsync(cancellationToken);

        return rows
            .GroupBy(r => r.Post.Id)
            .Select(g =>
            {
                var post = g.First().Post;
                var state = post.IsHidden ? PostState.HiddenByModerator : post.IsDeleted ? PostState.DeletedByAuthor : PostState.Visible;
                return new FlaggedPost(
                    post.Id,
                    post.ThreadId,
                    g.First().ThreadTitle,
                    post.Number,
                    PostAuthor.Of(post.AuthorId, g.First().AuthorName, null),
                    post.BodyHtml,
                    state,
                    g.Select(r => new FlagReport(r.Flag.Reason, r.Flag.Details, PostAuthor.Of(r.Flag.FlaggerId, r.FlaggerName, null).Name, r.Flag.CreatedAt)).ToList());
            })
            .ToList();
    }
}
