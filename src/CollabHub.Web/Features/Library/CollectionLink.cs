namespace CollabHub.Web.Features.Library;

/// <summary>A collection named in a list, with how many of its resources the viewer may see.</summary>
public sealed record CollectionLink(Guid Id, string Slug, string Title, string Description, int Count)
{
    public string Path => $"/library/collections/{Slug}";
}
