using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

/// <summary>Loads a range of a thread's posts as one viewer sees them: authors, reactions, replies and their own flags.</summary>
internal static class ThreadPosts
{
    public static async Task<IReadOnlyList<PostView>> LoadAsync(
        AppDbContext db, GroupAccess access, DiscussionThread thread, int firstNumber, int lastNumber, CancellationToken cancellationToken)
    {
        var viewerId = access.Viewer.UserId ?? "";
        var rows = await (
                from p in db.DiscussionPosts.AsNoTracking()
                where p.ThreadId == thread.Id && p.Number >= firstNumber && p.Number <= lastNumber
                join u in db.Users on p.AuthorId equals u.Id into authors
                from u in authors.DefaultIfEmpty()
                join a in db.MemberAvatars on p.AuthorId equals a.UserId into avatars
                from a in avatars.DefaultIfEmpty()
                join r in db.DiscussionPosts on p.ReplyToPostId equals r.Id into answered
                from r in answered.DefaultIfEmpty()
                join ru in db.Users on r.AuthorId equals ru.Id into answeredAuthors
                from ru in answeredAuthors.DefaultIfEmpty()
                orderby p.Number
                select new
                {
                    Post = p,
                    AuthorName = u == null ? null : u.DisplayName,
                    AvatarVersion = a == null ? (Guid?)null : a.Version,
                    ReplyToNumber = r == null ? (int?)null : r.Number,
                    ReplyToAuthorId = r == null ? null : r.AuthorId,
                    ReplyToAuthorName = ru == null ? null : ru.DisplayName,
                })
            .ToListAsync(cancellationToken);

        var postIds = rows.Select(r => r.Post.Id).ToList();
        var reactions = await (
                from r in db.DiscussionReactions
                where postIds.Contains(r.PostId)
                join u in db.Users on r.UserId equals u.Id
                orderby r.CreatedAt
                select new { r.PostId, r.Code, r.UserId, u.DisplayName })
            .ToListAsync(cancellationToken);
        var myFlags = await db.DiscussionFlags
            .Where(f => postIds.Contains(f.PostId) && f.FlaggerId == viewerId)
            .ToDictionaryAsync(f => f.PostId, f => f.Status, cancellationToken);

        return rows.Select(row =>
        {
            var post = row.Post;
            var state = post.IsHidden ? PostState.HiddenByModerator : post.IsDeleted ? PostState.DeletedByAuthor : PostState.Visible;
            var visible = state == PostState.Visible;
            var showContent = visible || access.CanModerate;
            var mine = post.AuthorId is not null && post.AuthorId == viewerId;
            var flagged = myFlags.TryGetValue(post.Id, out var flag);
            var open = !thread.IsLocked && !thread.IsRemoved;
            var can = new PostPermissions(
                Reply: access.CanParticipate && open && visible,
                Edit: access.CanParticipate && open && visible && mine,
                Delete: visible && mine,
                Hide: access.CanModerate && visible,
                Flag: access.CanParticipate && visible && !mine && !flagged && !thread.IsRemoved,
                React: access.CanParticipate && visible && !thread.IsRemoved,
                SeeHistory: access.CanModerate && post.Version > 1);
            var postReactions = Reactions.All
                .Select(kind =>
                {
                    var given = reactions.Where(r => r.PostId == post.Id && r.Code == kind.Code).ToList();
                    return new ReactionView(
                        kind,
                        given.Count,
                        given.Take(ReactionView.NamesShown).Select(r => PostAuthor.Of(r.UserId, r.DisplayName, null).Name).ToList(),
                        given.Any(r => r.UserId == viewerId));
                })
                .Where(r => r.Count > 0)
                .ToList();
            return new PostView(
                post.Id,
                post.Number,
                PostAuthor.Of(post.AuthorId, row.AuthorName, row.AvatarVersion),
                post.CreatedAt,
                post.EditedAt,
                post.Version,
                state,
                showContent ? post.BodyHtml : null,
                showContent ? post.Body : null,
                access.CanModerate ? post.HiddenReason : null,
                row.ReplyToNumber is { } number ? new ReplyToView(number, PostAuthor.Of(row.ReplyToAuthorId, row.ReplyToAuthorName, null).Name) : null,
                postReactions,
                can,
                flagged ? flag : null);
        }).ToList();
    }
}
