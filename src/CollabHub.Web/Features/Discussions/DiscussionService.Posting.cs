using System.Security.Claims;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Discussions.Mentions;
using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>Members suggested for a mention: whose name (or a word of it) starts with what was typed.</summary>
    public const int SuggestionLimit = 8;

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

    /// <summary>What a draft will look like, with anything that would stop it being posted. Members only.</summary>
    public async Task<MarkupPreview> PreviewAsync(ClaimsPrincipal user, string groupSlug, string? body, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        RequireSignedIn(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, viewer, cancellationToken);
        if (access is not { CanParticipate: true })
        {
            throw DiscussionException.NotAvailable();
        }

        var markdown = (body ?? "").ReplaceLineEndings("\n");
        var problems = new List<string>();
        if (markdown.TrimEnd().Length > DiscussionRules.BodyMaxLength)
        {
            problems.Add($"Keep a post within {DiscussionRules.BodyMaxLength} characters; this one has {markdown.TrimEnd().Length}.");
        }

        var draft = markup.Parse(markdown);
        problems.AddRange(MentionResolver.Resolve(draft.Mentions, await MentionCandidatesAsync(db, access.Group.Id, draft.Mentions, cancellationToken)));
        return new MarkupPreview(markup.Render(draft), problems);
    }

    /// <summary>
    /// Group members to mention, matching <paramref name="prefix"/> at the start of their name or of a word in it.
    /// Only members of the group get an answer: a group's member list never reaches anyone else this way.
    /// </summary>
    public async Task<IReadOnlyList<MentionSuggestion>> SuggestMentionsAsync(ClaimsPrincipal user, string groupSlug, string? prefix, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        RequireSignedIn(viewer);
        var typed = (prefix ?? "").Trim();
        if (typed.Length == 0 || typed.Length > MentionParser.NameMaxLength)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, viewer, cancellationToken);
        if (access is not { CanParticipate: true })
        {
            throw DiscussionException.NotAvailable();
        }

        var starts = SearchPatterns.Contains(typed)[1..];
        var wordStarts = "% " + starts;
        var members = await (
                from m in db.GroupMemberships
                join u in db.Users on m.UserId equals u.Id
                where m.GroupId == access.Group.Id
                    && (EF.Functions.ILike(u.DisplayName, starts) || EF.Functions.ILike(u.DisplayName, wordStarts))
                orderby u.DisplayName
                select new MentionedMember(u.Id, u.DisplayName))
            .Take(SuggestionLimit)
            .ToListAsync(cancellationToken);

        var names = members.Select(m => m.DisplayName.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
#pragma warning disable CA1304 // Translated to SQL lower(); no .NET culture is involved.
        var shared = await (
                from m in db.GroupMemberships
                join u in db.Users on m.UserId equals u.Id
                where m.GroupId == access.Group.Id && names.Contains(u.DisplayName.ToLower())
                group u by u.DisplayName.ToLower() into same
                where same.Count() > 1
                select same.Key)
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304
        return members
            .Select(m => new MentionSuggestion(m, MentionResolver.Token(m, shared.Contains(m.DisplayName.ToLowerInvariant()))))
            .ToList();
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
