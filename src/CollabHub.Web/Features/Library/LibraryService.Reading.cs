using CollabHub.Web.Features.Members.Profiles;
using System.Security.Claims;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

public sealed partial class LibraryService
{
    /// <summary>The resource page by id or slug; null when the viewer may not see it (the page answers 404).</summary>
    public async Task<ResourceView?> FindAsync(ClaimsPrincipal user, string key, MarkdownRenderer markdown, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await LoadAsync(db, ByKey(key), viewer, cancellationToken, withFiles: true);
        return access is null ? null : await ViewAsync(db, access, markdown, withRelated: true, cancellationToken);
    }

    /// <summary>The resource as its edit form starts: null unless the viewer may edit it.</summary>
    public async Task<ResourceAccess?> FindEditableAsync(ClaimsPrincipal user, string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await LoadAsync(db, ByKey(key), ViewerOf(user), cancellationToken, withFiles: true);
        return access is { CanEdit: true } ? access : null;
    }

    /// <summary>
    /// Pending submissions the viewer may decide, oldest first, each shown in full; <paramref name="scope"/> is "site",
    /// a group's slug, or empty for all. Null for someone who reviews nothing (the page answers 404).
    /// </summary>
    public async Task<ReviewQueue?> ReviewQueueAsync(ClaimsPrincipal user, string? scope, ResourceType? type, MarkdownRenderer markdown, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        if (!viewer.IsSignedIn)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reviewable = ReviewableBy(db, viewer);
        var scopes = await reviewable.Where(r => r.GroupId != null)
            .Join(db.Groups, r => r.GroupId, g => g.Id, (r, g) => new { g.Slug, g.Name })
            .Distinct().OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var isModeratorAnywhere = viewer.CuratesSiteLibrary
            || await db.GroupMemberships.AnyAsync(m => m.UserId == viewer.UserId && m.Role >= Groups.GroupRole.Moderator, cancellationToken);
        if (!isModeratorAnywhere)
        {
            return null;
        }

        var filtered = reviewable;
        if (scope == "site")
        {
            filtered = filtered.Where(r => r.GroupId == null);
        }
        else if (!string.IsNullOrEmpty(scope))
        {
            filtered = filtered.Where(r => db.Groups.Any(g => g.Id == r.GroupId && g.Slug == scope));
        }

        if (type is { } t)
        {
            filtered = filtered.Where(r => r.Type == t);
        }

        var total = await filtered.CountAsync(cancellationToken);
        var ids = await filtered.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Select(r => r.Id).Take(ReviewQueue.PageSize).ToListAsync(cancellationToken);
        var items = new List<ResourceView>();
        foreach (var id in ids)
        {
            if (await LoadAsync(db, r => r.Id == id, viewer, cancellationToken, withFiles: true) is { CanCurate: true } access)
            {
                items.Add(await ViewAsync(db, access, markdown, withRelated: false, cancellationToken));
            }
        }

        return new ReviewQueue(items, total, [.. scopes.Select(s => (s.Slug, s.Name))], viewer.CuratesSiteLibrary);
    }

    /// <summary>The file to send, counting the download; null when the viewer may not see the resource or the file is not its.</summary>
    public async Task<DownloadFile?> OpenDownloadAsync(ClaimsPrincipal user, Guid resourceId, Guid fileId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await LoadAsync(db, r => r.Id == resourceId, ViewerOf(user), cancellationToken);
        if (access is null)
        {
            return null;
        }

        var file = await db.LibraryResourceFiles.Include(f => f.StoredFile)
            .SingleOrDefaultAsync(f => f.Id == fileId && f.ResourceId == resourceId, cancellationToken);
        if (file?.StoredFile is null)
        {
            return null;
        }

        await db.LibraryResourceFiles.Where(f => f.Id == fileId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DownloadCount, f => f.DownloadCount + 1), cancellationToken);
        await db.LibraryResources.Where(r => r.Id == resourceId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DownloadCount, r => r.DownloadCount + 1), cancellationToken);
        return new DownloadFile(files.PathOf(file.StoredFile.StorageName), file.FileName, file.StoredFile.ContentType);
    }

    private async Task<ResourceView> ViewAsync(AppDbContext db, ResourceAccess access, MarkdownRenderer markdown, bool withRelated, CancellationToken cancellationToken)
    {
        var resource = access.Resource;
        var history = await db.LibraryResourceEvents.Where(e => e.ResourceId == resource.Id).OrderBy(e => e.At)
            .Select(e => new ResourceView.HistoryLine(
                db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? "A former member", e.Action, e.Note, e.At))
            .ToListAsync(cancellationToken);
        var submitter = await db.Users.Where(u => u.Id == resource.SubmitterId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "A former member";
        var fileLines = resource.Files.OrderBy(f => f.AddedAt)
            .Select(f => new ResourceView.FileLine(f.Id, f.FileName, f.StoredFile!.Size, f.StoredFile.Kind, f.DownloadCount, f.StoredFile.Extraction))
            .ToList();
        var viewer = access.Viewer;
        IReadOnlyList<ResourceCard> related = withRelated ? await RelatedAsync(db, resource, viewer, cancellationToken) : [];
        var collections = await db.LibraryCollections.Where(c => c.Items.Any(i => i.ResourceId == resource.Id)).OrderBy(c => c.Title)
            .Select(c => new CollectionLink(c.Id, c.Slug, c.Title, c.Description, c.Items.Count)).ToListAsync(cancellationToken);
        IReadOnlyList<CollectionLink> others = access.CanCurate && resource.IsListed && resource.GroupId is null
            ? await db.LibraryCollections.Where(c => c.Items.All(i => i.ResourceId != resource.Id)).OrderBy(c => c.Title)
                .Select(c => new CollectionLink(c.Id, c.Slug, c.Title, c.Description, c.Items.Count)).ToListAsync(cancellationToken)
            : [];
        return new ResourceView(resource, access, access.Group?.Group.Name, access.Group?.Group.Slug, submitter, markdown.Render(resource.Description),
            fileLines, history, related, collections, others, await MemberTimeZones.OfMemberAsync(db, viewer.UserId, cancellationToken));
    }

    /// <summary>How many of the most recently approved resources the related ones are first looked for among.</summary>
    internal const int RelatedWindow = 2_000;

    /// <summary>
    /// Up to four other published resources the viewer may see, sharing the most topics and goals, newest first among
    /// equals. Looked for among the <see cref="RelatedWindow"/> most recently approved first: scoring every resource
    /// that shares any topic or goal read most of a big library for every resource page (at 100,000 generated
    /// resources, 70,000 rows and 135 ms a page). Only when those hold fewer than four is the whole library scored,
    /// which costs little then: the resource's topics and goals are rare, or rare among the newest.
    /// </summary>
    private static async Task<IReadOnlyList<ResourceCard>> RelatedAsync(AppDbContext db, Resource resource, LibraryViewer viewer, CancellationToken cancellationToken)
    {
        if (resource.Topics.Count == 0 && resource.Sdgs.Count == 0)
        {
            return [];
        }

        var approved = db.LibraryResources.Where(r => r.Status == ResourceStatus.Approved);
        // The window is a subquery with its own order and limit, so no plan can read the topics' index for the whole
        // library first (with a statement prepared once, the planner does not know how common the values are).
        var recent = await RelatedAmong(approved.OrderByDescending(r => r.ApprovedAt).Take(RelatedWindow), db, resource, viewer)
            .ToListAsync(cancellationToken);
        return recent.Count == RelatedCount ? recent : await RelatedAmong(approved, db, resource, viewer).ToListAsync(cancellationToken);
    }

    private const int RelatedCount = 4;

    private static IQueryable<ResourceCard> RelatedAmong(IQueryable<Resource> resources, AppDbContext db, Resource resource, LibraryViewer viewer)
    {
        var topics = resource.Topics.ToArray();
        var sdgs = resource.Sdgs.ToArray();
        return LibraryQueries.VisibleTo(resources, db, viewer)
            .Where(r => r.Id != resource.Id && (r.Topics.Any(t => topics.Contains(t)) || r.Sdgs.Any(s => sdgs.Contains(s))))
            .OrderByDescending(r => r.Topics.Count(t => topics.Contains(t)) + r.Sdgs.Count(s => sdgs.Contains(s)))
            .ThenByDescending(r => r.ApprovedAt)
            .Take(RelatedCount)
            .Select(LibraryQueries.Card(db));
    }
}
