using System.Linq.Expressions;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Markdown;
using CollabHub.Web.Infrastructure.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// Groups themselves: the directory, the About tab, the cover, and creating and editing (in
/// <c>GroupService.Editing.cs</c>). Every read goes through <see cref="GroupQueries"/> or <see cref="GroupAccess"/>,
/// so a hidden group never shows to those outside it, not even in a count.
/// </summary>
public sealed partial class GroupService(
    IDbContextFactory<AppDbContext> contexts,
    MarkdownRenderer markdown,
    CoverImageProcessor covers,
    AuditLog audit,
    TimeProvider clock,
    ILogger<GroupService> logger,
    IOutputCacheStore publicPages)
{
    public async Task<GroupDirectoryResult> SearchAsync(GroupViewer viewer, GroupDirectoryQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var listed = db.Groups.AsNoTracking().ListedFor(db, viewer);
        var groups = listed;
        var userId = viewer.UserId;
        if (query.Mine)
        {
            groups = groups.Where(g => userId != null && db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId));
        }

        foreach (var word in SearchTerms.Words(query.Search, GroupDirectoryQuery.SearchMaxLength))
        {
            var pattern = SearchTerms.ContainsPattern(word);
            groups = groups.Where(g => EF.Functions.ILike(g.Name, pattern, "\\")
                || EF.Functions.ILike(g.Summary, pattern, "\\")
                || g.Topics.Any(t => EF.Functions.ILike(t, pattern, "\\")));
        }

        if (!string.IsNullOrWhiteSpace(query.Topic))
        {
            var topic = TagList.Normalise(query.Topic);
            groups = groups.Where(g => g.Topics.Contains(topic));
        }

        var total = await groups.CountAsync(cancellationToken);
        var page = Paging.Within(query.Page, total, GroupDirectoryQuery.PageSize);
        var ordered = query.Sort switch
        {
            GroupSort.Size => groups.OrderByDescending(g => g.MemberCount).ThenBy(g => g.Name),
            GroupSort.Name => groups.OrderBy(g => g.Name),
            _ => groups.OrderByDescending(g => g.LastActivityAt).ThenBy(g => g.Name),
        };
        var items = await Summaries(ordered.ThenBy(g => g.Id), db, userId)
            .Skip((page - 1) * GroupDirectoryQuery.PageSize)
            .Take(GroupDirectoryQuery.PageSize)
            .ToListAsync(cancellationToken);

        // Counted here rather than in SQL (EF can't group an unnested array): a hub has hundreds of groups, not millions,
        // and only the groups this viewer may see are counted, so a hidden group's topics never show.
        var topicLists = await listed.Select(g => g.Topics).ToListAsync(cancellationToken);
        var topics = topicLists
            .SelectMany(list => list)
            .GroupBy(topic => topic, StringComparer.Ordinal)
            .Select(topic => new GroupDirectoryResult.TopicCount(topic.Key, topic.Count()))
            .OrderByDescending(topic => topic.Groups).ThenBy(topic => topic.Topic, StringComparer.Ordinal)
            .Take(GroupDirectoryQuery.TopicChips)
            .ToList();

        return new GroupDirectoryResult(new PagedResult<GroupSummary>(items, page, GroupDirectoryQuery.PageSize, total), topics);
    }

    /// <summary>A group's card as the viewer sees it (their role in it), for ad-hoc and compiled queries alike.
    /// Declared before the compiled query that inlines it: static fields start in the order they are written.</summary>
    private static readonly Expression<Func<AppDbContext, Group, string?, GroupSummary>> SummaryOf = (db, g, userId) =>
        new GroupSummary(g.Id, g.Slug, g.Name, g.Summary, g.Visibility)
        {
            MemberCount = g.MemberCount,
            Topics = g.Topics,
            LastActivityAt = g.LastActivityAt,
            CoverVersion = g.CoverVersion,
            ViewerRole = db.GroupMemberships.Where(m => m.GroupId == g.Id && m.UserId == userId).Select(m => (GroupRole?)m.Role).FirstOrDefault(),
        };

    /// <summary>The most active groups this viewer may see, for the home page.</summary>
    public async Task<IReadOnlyList<GroupSummary>> ListActiveAsync(GroupViewer viewer, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ListActiveQuery(db, viewer.UserId, viewer.IsAdministrator, limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Compiled once, as the home page reads it for every signed-in member: a CPU profile of that page put 15% of its
    /// request time in EF walking and hashing each query's expression tree on every execution.
    /// </summary>
    private static readonly Func<AppDbContext, string?, bool, int, IAsyncEnumerable<GroupSummary>> ListActiveQuery = EF.CompileAsyncQuery(
        QueryRule.Inline<Func<AppDbContext, string?, bool, int, IQueryable<GroupSummary>>>((db, userId, isAdministrator, limit) =>
            db.Groups.AsNoTracking()
                .Where(g => GroupQueries.Listed.Apply(db, g, userId, isAdministrator))
                .OrderByDescending(g => g.LastActivityAt).ThenBy(g => g.Name)
                .Select(g => SummaryOf.Apply(db, g, userId))
                .Take(limit)));

    /// <summary>The About tab; null when the viewer may not know of the group (the page answers 404).</summary>
    public async Task<GroupAbout?> GetAboutAsync(GroupViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == slug, viewer, cancellationToken);
        if (access is null)
        {
            return null;
        }

        var groupId = access.Group.Id;
        IReadOnlyList<GroupMemberSummary> leaders = [];
        if (access.CanRead)
        {
            leaders = await (
                    from m in db.GroupMemberships.AsNoTracking()
                    where m.GroupId == groupId && m.Role >= GroupRole.Moderator
                    join u in db.Users on m.UserId equals u.Id
                    join a in db.MemberAvatars on u.Id equals a.UserId into pictures
                    from a in pictures.DefaultIfEmpty()
                    orderby m.Role descending, u.DisplayName
                    select new GroupMemberSummary(m.UserId, u.DisplayName, a == null ? (Guid?)null : a.Version, m.Role, m.JoinedAt, "", ""))
                .Take(50)
                .ToListAsync(cancellationToken);
        }

        DateTimeOffset? pendingAt = null;
        if (viewer.UserId is { } userId && !access.IsMember)
        {
            pendingAt = await db.GroupJoinRequests
                .Where(r => r.GroupId == groupId && r.UserId == userId && r.Status == GroupJoinRequestStatus.Pending)
                .Select(r => (DateTimeOffset?)r.CreatedAt)
                .SingleOrDefaultAsync(cancellationToken);
        }

        return new GroupAbout(access, markdown.RenderMarkup(access.Group.Description), leaders, pendingAt);
    }

    /// <summary>The cover picture for anyone who may see the group (its name and description); null otherwise.</summary>
    public async Task<GroupCover?> GetCoverAsync(GroupViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == slug, viewer, cancellationToken);
        return access is null
            ? null
            : await db.GroupCovers.AsNoTracking().SingleOrDefaultAsync(c => c.GroupId == access.Group.Id, cancellationToken);
    }

    private static IQueryable<GroupSummary> Summaries(IQueryable<Group> groups, AppDbContext db, string? userId) =>
        groups.Select(QueryRule.Inline<Func<Group, GroupSummary>>(g => SummaryOf.Apply(db, g, userId)));
}
