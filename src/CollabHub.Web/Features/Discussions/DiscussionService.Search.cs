using CollabHub.Web.Features.Members.Profiles;
using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>
    /// Threads of one group matching every word, best first: a title match (weight A) counts more than a body match
    /// (weight B), and the best-matching visible post gives the snippet. Removed threads and removed posts are never
    /// searched. Null when the viewer may not read the group (the page answers 404).
    /// </summary>
    public async Task<ThreadSearchResults?> SearchAsync(ClaimsPrincipal user, string groupSlug, string? text, int? page, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, viewer, cancellationToken);
        if (access is not { CanRead: true })
        {
            return null;
        }

        var zone = await MemberTimeZones.OfMemberAsync(db, viewer.UserId, cancellationToken);
        var query = DiscussionSearchQuery.Build(text);
        var trimmed = (text ?? "").Trim();
        if (query is null)
        {
            return new ThreadSearchResults(GroupOf(access), trimmed, [], 1, 1, 0, zone);
        }

        var groupId = access.Group.Id;
        var config = DiscussionSearch.Configuration;
        var options = SearchHighlight.HeadlineOptions;
        var total = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value"
            FROM discussion_threads t, to_tsquery({config}::regconfig, {query}) q
            WHERE t.group_id = {groupId} AND t.removed_at IS NULL
              AND (t.search_vector @@ q OR EXISTS (
                  SELECT 1 FROM discussion_posts p
                  WHERE p.thread_id = t.id AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.search_vector @@ q))
            """).SingleAsync(cancellationToken);
        var pageCount = Paging.PageCount(total, DiscussionRules.ThreadsPerPage);
        var pageNumber = Paging.Within(page ?? 1, total, DiscussionRules.ThreadsPerPage);
        var offset = (pageNumber - 1) * DiscussionRules.ThreadsPerPage;
        var limit = DiscussionRules.ThreadsPerPage;

        // One row per thread: its title's rank plus that of its best visible post (a lateral join), which also gives
        // the snippet. Both headlines come from PostgreSQL so they mark exactly what the index matched.
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT t.id AS thread_id,
                   ts_headline({config}::regconfig, t.title, q, 'HighlightAll=true, ' || {options}) AS title_headline,
                   best.number AS post_number,
                   CASE WHEN best.body IS NULL THEN NULL ELSE ts_headline({config}::regconfig, best.body, q, {options}) END AS snippet_headline,
                   t.last_activity_at AS last_activity_at
            FROM discussion_threads t
            CROSS JOIN to_tsquery({config}::regconfig, {query}) q
            LEFT JOIN LATERAL (
                SELECT p.number, p.body, ts_rank(p.search_vector, q) AS rank
                FROM discussion_posts p
                WHERE p.thread_id = t.id AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.search_vector @@ q
                ORDER BY rank DESC, p.number
                LIMIT 1) best ON true
            WHERE t.group_id = {groupId} AND t.removed_at IS NULL AND (t.search_vector @@ q OR best.number IS NOT NULL)
            ORDER BY ts_rank(t.search_vector, q) + coalesce(best.rank, 0) DESC, t.last_activity_at DESC, t.id
            OFFSET {offset} LIMIT {limit}
            """).ToListAsync(cancellationToken);

        var hits = rows.Select(r => new ThreadSearchHit(
                r.ThreadId,
                SearchHighlight.ToHtml(r.TitleHeadline, markup),
                // The snippet is cut from the post's Markdown: shown as the post reads, without its marks.
                r.SnippetHeadline is null ? null : SearchHighlight.ToHtml(markup.ToPlainText(r.SnippetHeadline), markup),
                r.PostNumber,
                r.LastActivityAt))
            .ToList();
        return new ThreadSearchResults(GroupOf(access), trimmed, hits, pageNumber, pageCount, total, zone);
    }

    /// <summary>A row of the search query; its properties map to the snake_case columns it selects.</summary>
    private sealed record SearchRow(Guid ThreadId, string TitleHeadline, int? PostNumber, string? SnippetHeadline, DateTimeOffset LastActivityAt);
}
