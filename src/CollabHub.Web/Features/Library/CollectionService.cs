using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

/// <summary>Collections: site moderators build them from published site-wide resources; everyone reads them.</summary>
public sealed class CollectionService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<CollectionLink>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var viewer = LibraryViewer.From(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = LibraryQueries.VisibleTo(db.LibraryResources.Where(r => r.Status == ResourceStatus.Approved), db, viewer).Select(r => r.Id);
        return await db.LibraryCollections.OrderByDescending(c => c.IsFeatured).ThenBy(c => c.Title)
            .Select(c => new CollectionLink(c.Id, c.Slug, c.Title, c.Description, c.Items.Count(i => visible.Contains(i.ResourceId))))
            .ToListAsync(cancellationToken);
    }

    public async Task<CollectionView?> FindAsync(ClaimsPrincipal user, string slug, MarkdownRenderer markdown, CancellationToken cancellationToken = default)
    {
        var viewer = LibraryViewer.From(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var collection = await db.LibraryCollections.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (collection is null)
        {
            return null;
        }

        var resources = await LibraryQueries.VisibleTo(db.LibraryResources.Where(r => r.Status == ResourceStatus.Approved), db, viewer)
            .Join(db.LibraryCollectionItems.Where(i => i.CollectionId == collection.Id), r => r.Id, i => i.ResourceId, (r, i) => new { r, i.Position })
            .OrderBy(x => x.Position)
            .Select(x => x.r)
            .Select(LibraryQueries.Card(db))
            .ToListAsync(cancellationToken);
        return new CollectionView(collection, markdown.Render(collection.Description), resources, viewer.CuratesSiteLibrary);
    }

    public async Task<string?> SlugOfAsync(Guid collectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LibraryCollections.Where(c => c.Id == collectionId).Select(c => c.Slug).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A new, empty collection; its address comes from the title.</summary>
    public async Task<LibraryOutcome> CreateAsync(ClaimsPrincipal user, string? title, string? description, bool featured, CancellationToken cancellationToken = default)
    {
        if (!LibraryViewer.From(user).CuratesSiteLibrary)
        {
            return LibraryOutcome.Missing;
        }

        var name = (title ?? "").Trim();
        var text = (description ?? "").Trim();
        if (name.Length == 0 || name.Length > ResourceCollection.TitleMaxLength)
        {
            return LibraryOutcome.Refused($"Give the collection a title of at most {ResourceCollection.TitleMaxLength} characters.");
        }

        if (text.Length > ResourceCollection.DescriptionMaxLength)
        {
            return LibraryOutcome.Refused($"Keep the description under {ResourceCollection.DescriptionMaxLength} characters.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slug = GroupSlugs.Suggest(name);
        if (await db.LibraryCollections.AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            return LibraryOutcome.Refused("A collection with this title exists already.");
        }

        var now = clock.GetUtcNow();
        db.LibraryCollections.Add(new ResourceCollection { Id = Guid.CreateVersion7(now), Slug = slug, Title = name, Description = text, IsFeatured = featured, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return LibraryOutcome.Done($"/library/collections/{slug}");
    }

    /// <summary>Adds a published site-wide resource to the end of a collection.</summary>
    public Task<LibraryOutcome> AddAsync(ClaimsPrincipal user, Guid collectionId, Guid resourceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, collectionId, async (db, collection, now) =>
        {
            var eligible = await db.LibraryResources.AnyAsync(r => r.Id == resourceId && r.GroupId == null && r.Status == ResourceStatus.Approved, cancellationToken);
            if (!eligible)
            {
                throw new LibraryRuleException("Only published site-wide resources can go in a collection.");
            }

            collection.Add(resourceId, now);
            return "Added to the collection.";
        }, cancellationToken);

    public Task<LibraryOutcome> MoveAsync(ClaimsPrincipal user, Guid collectionId, Guid resourceId, int delta, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, collectionId, (_, collection, now) =>
        {
            collection.Move(resourceId, delta, now);
            return Task.FromResult("The order is saved.");
        }, cancellationToken);

    public Task<LibraryOutcome> RemoveAsync(ClaimsPrincipal user, Guid collectionId, Guid resourceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, collectionId, (db, collection, now) =>
        {
            var item = collection.Items.FirstOrDefault(i => i.ResourceId == resourceId) ?? throw new LibraryRuleException("The resource is not in this collection.");
            db.LibraryCollectionItems.Remove(item);
            collection.UpdatedAt = now;
            return Task.FromResult("Removed from the collection.");
        }, cancellationToken);

    private async Task<LibraryOutcome> ChangeAsync(
        ClaimsPrincipal user, Guid collectionId, Func<AppDbContext, ResourceCollection, DateTimeOffset, Task<string>> change, CancellationToken cancellationToken)
    {
        if (!LibraryViewer.From(user).CuratesSiteLibrary)
        {
            return LibraryOutcome.Missing;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The row lock keeps two moderators' reorderings from interleaving.
        var collection = await db.LibraryCollections.FromSql($"SELECT * FROM library_collections WHERE id = {collectionId} FOR UPDATE")
            .Include(c => c.Items).SingleOrDefaultAsync(cancellationToken);
        if (collection is null)
        {
            return LibraryOutcome.Missing;
        }

        try
        {
            var message = await change(db, collection, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return LibraryOutcome.Done(message);
        }
        catch (LibraryRuleException refused)
        {
            return LibraryOutcome.Refused(refused.Message);
        }
    }
}
