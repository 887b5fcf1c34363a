namespace CollabHub.Web.Features.Library;

/// <summary>A collection's page: its resources in order, only those the viewer may see.</summary>
public sealed record CollectionView(ResourceCollection Collection, string DescriptionHtml, IReadOnlyList<ResourceCard> Resources, bool CanCurate);
