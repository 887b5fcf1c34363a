using System.Security.Claims;
using CollabHub.Web.Features.Discussions.Mentions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Live;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// Threads, replies, reactions, flags and reading. Every operation opens its own short-lived context, decides access
/// afresh through <see cref="GroupAccessService.LoadAsync"/> inside its transaction (so a member removed a moment ago
/// is refused even from a page or circuit opened before), applies the entities' rules, commits, and only then
/// publishes to <see cref="ILiveEvents"/>. Refusals are <see cref="DiscussionException"/>s with a sentence to show.
/// </summary>
public sealed partial class DiscussionService(
    IDbContextFactory<AppDbContext> contexts,
    PostMarkup markup,
    PostingRateLimiter rateLimiter,
    ILiveEvents live,
    IEmailOutbox outbox,
    PublicUrls urls,
    DiscussionNotices notices,
    TimeProvider clock)
{
    private const string JoinToTakePart = "Only members of this group can post, reply, react and flag. Join the group to take part.";

    private static string RequireSignedIn(GroupViewer viewer) =>
        viewer.UserId ?? throw DiscussionException.NotAvailable();

    /// <summary>The viewer's access to a group whose content they may read, or the refusal that does not tell whether it exists.</summary>
    private static async Task<GroupAccess> ReaderAsync(AppDbContext db, Guid groupId, GroupViewer viewer, CancellationToken cancellationToken)
    {
        var access = await GroupAccessService.LoadAsync(db, g => g.Id == groupId, viewer, cancellationToken);
        return access is { CanRead: true } ? access : throw DiscussionException.NotAvailable();
    }

    private static async Task<GroupAccess> ParticipantAsync(AppDbContext db, Guid groupId, GroupViewer viewer, CancellationToken cancellationToken)
    {
        var access = await ReaderAsync(db, groupId, viewer, cancellationToken);
        return access.CanParticipate ? access : throw new DiscussionException(JoinToTakePart);
    }

    private static async Task<GroupAccess> ModeratorAsync(AppDbContext db, Guid groupId, GroupViewer viewer, CancellationToken cancellationToken)
    {
        var access = await ReaderAsync(db, groupId, viewer, cancellationToken);
        return access.CanModerate ? access : throw new DiscussionException("Only the group's moderators can do that.");
    }

    /// <summary>The thread, locked until commit: post numbers, counts and lock state change one writer at a time.</summary>
    private static async Task<DiscussionThread> LockThreadAsync(AppDbContext db, Guid threadId, CancellationToken cancellationToken) =>
        await db.DiscussionThreads
            .FromSql($"SELECT * FROM discussion_threads WHERE id = {threadId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw DiscussionException.NotAvailable();

    /// <summary>A post and its thread (locked), or the same refusal as for a thread the viewer may not see.</summary>
    private static async Task<(DiscussionPost Post, DiscussionThread Thread)> LockPostAsync(AppDbContext db, Guid postId, CancellationToken cancellationToken)
    {
        var threadId = await db.DiscussionPosts.Where(p => p.Id == postId).Select(p => (Guid?)p.ThreadId).SingleOrDefaultAsync(cancellationToken)
            ?? throw DiscussionException.NotAvailable();
        var thread = await LockThreadAsync(db, threadId, cancellationToken);
        var post = await db.DiscussionPosts.SingleAsync(p => p.Id == postId, cancellationToken);
        return (post, thread);
    }

    /// <summary>Validates and renders a body, resolving its mentions among the group's members; refuses unknown ones.</summary>
    private async Task<PostContent> ComposeAsync(AppDbContext db, Guid groupId, string authorId, string? body, CancellationToken cancellationToken)
    {
        var markdown = DiscussionRules.Body(body);
        var draft = markup.Parse(markdown);
        var problems = MentionResolver.Resolve(draft.Mentions, await MentionCandidatesAsync(db, groupId, draft.Mentions, cancellationToken));
        if (problems.Count > 0)
        {
            throw new DiscussionException(string.Join(" ", problems));
        }

        // Mentioning yourself is harmless in the text but is nothing to notify.
        var mentioned = draft.MentionedUserIds.Where(id => id != authorId).ToList();
        return new PostContent(markdown, markup.Render(draft), mentioned);
    }

    /// <summary>Members of the group who could be meant by the mentions (by id, or by name ignoring case).</summary>
    private static async Task<IReadOnlyList<MentionedMember>> MentionCandidatesAsync(
        AppDbContext db, Guid groupId, IReadOnlyList<MentionInline> mentions, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0)
        {
            return [];
        }

        var ids = mentions.Where(m => m.UserId is not null).Select(m => m.UserId!).Distinct(StringComparer.Ordinal).ToList();
        var names = mentions.Where(m => m.UserId is null).Select(m => m.Name.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
#pragma warning disable CA1304 // Translated to SQL lower(); no .NET culture is involved.
        return await (
                from m in db.GroupMemberships
                join u in db.Users on m.UserId equals u.Id
                where m.GroupId == groupId && (ids.Contains(u.Id) || names.Contains(u.DisplayName.Trim().ToLower()))
                select new MentionedMember(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304
    }

    /// <summary>Keeps the post's stored mentions equal to <paramref name="userIds"/>; returns the members newly mentioned.</summary>
    private static async Task<IReadOnlyList<string>> SyncMentionsAsync(
        AppDbContext db, Guid postId, IReadOnlyList<string> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.DiscussionMentions.Where(m => m.PostId == postId).ToListAsync(cancellationToken);
        db.DiscussionMentions.RemoveRange(existing.Where(m => !userIds.Contains(m.UserId)));
        var added = userIds.Where(id => existing.All(m => m.UserId != id)).ToList();
        db.DiscussionMentions.AddRange(added.Select(id => new DiscussionMention(postId, id, now)));
        return added;
    }

    /// <summary>Starting or replying follows the thread, unless the member muted it.</summary>
    private static async Task FollowOnPostingAsync(AppDbContext db, Guid threadId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var exists = await db.DiscussionThreadSubscriptions.AnyAsync(s => s.ThreadId == threadId && s.UserId == userId, cancellationToken);
        if (!exists)
        {
            db.DiscussionThreadSubscriptions.Add(new DiscussionThreadSubscription(threadId, userId, SubscriptionLevel.Following, now));
        }
    }

    /// <summary>What a member posts, they have read.</summary>
    private static async Task AdvanceReadAsync(AppDbContext db, Guid threadId, string userId, int number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var read = await db.DiscussionThreadReads.SingleOrDefaultAsync(r => r.ThreadId == threadId && r.UserId == userId, cancellationToken);
        if (read is null)
        {
            read = new DiscussionThreadRead(threadId, userId);
            db.DiscussionThreadReads.Add(read);
        }

        read.Advance(number, now);
    }

    private static async Task<DiscussionGroup> GroupOfAsync(AppDbContext db, Guid groupId, CancellationToken cancellationToken) =>
        await db.Groups.Where(g => g.Id == groupId).Select(g => new DiscussionGroup(g.Id, g.Slug, g.Name)).SingleAsync(cancellationToken);

    private static DiscussionGroup GroupOf(GroupAccess access) => new(access.Group.Id, access.Group.Slug, access.Group.Name);

    private async Task PublishAsync(DiscussionActivity activity)
    {
        await live.PublishAsync(LiveTopics.Thread(activity.ThreadId), activity);
        await live.PublishAsync(LiveTopics.Group(activity.GroupId), activity);
    }

    private async Task PublishMentionsAsync(IEnumerable<string> userIds, Guid groupId, DiscussionPost post)
    {
        foreach (var userId in userIds)
        {
            await live.PublishAsync(LiveTopics.User(userId), new DiscussionMentioned(userId, groupId, post.ThreadId, post.Id, post.Number));
        }
    }

    private static ViewerRights RightsOf(GroupAccess access) =>
        new(access.Viewer.UserId ?? "", access.CanParticipate, access.CanModerate);

    private static GroupViewer ViewerOf(ClaimsPrincipal user) => GroupViewer.From(user);
}
