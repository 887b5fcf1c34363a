namespace CollabHub.Web.Features.Library;

/// <summary>A resource's place in a collection.</summary>
public sealed class ResourceCollectionItem
{
    public Guid CollectionId { get; init; }

    public Guid ResourceId { get; init; }

    public int Position { get; set; }
}
