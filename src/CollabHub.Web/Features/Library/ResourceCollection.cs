namespace CollabHub.Web.Features.Library;

/// <summary>An ordered, described list of resources built by moderators ("Behavioural Science Week materials").</summary>
public sealed class ResourceCollection
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; init; }

    public required string Slug { get; init; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public bool IsFeatured { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ResourceCollectionItem> Items { get; init; } = [];

    /// <summary>Appends a resource at the end; adding one already there is refused.</summary>
    public void Add(Guid resourceId, DateTimeOffset now)
    {
        if (Items.Any(i => i.ResourceId == resourceId))
        {
            throw new LibraryRuleException("The resource is already in this collection.");
        }

        Items.Add(new ResourceCollectionItem { CollectionId = Id, ResourceId = resourceId, Position = Items.Count == 0 ? 1 : Items.Max(i => i.Position) + 1 });
        UpdatedAt = now;
    }

    /// <summary>Swaps the resource with its neighbour before (<paramref name="delta"/> -1) or after (+1); at an end nothing moves.</summary>
    public void Move(Guid resourceId, int delta, DateTimeOffset now)
    {
        var ordered = Items.OrderBy(i => i.Position).ToList();
        var index = ordered.FindIndex(i => i.ResourceId == resourceId);
        if (index < 0)
        {
            throw new LibraryRuleException("The resource is not in this collection.");
        }

        var other = index + Math.Sign(delta);
        if (other < 0 || other >= ordered.Count)
        {
            return;
        }

        (ordered[index].Position, ordered[other].Position) = (ordered[other].Position, ordered[index].Position);
        UpdatedAt = now;
    }
}
