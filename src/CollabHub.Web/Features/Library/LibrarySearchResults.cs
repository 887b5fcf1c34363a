using CollabHub.Web.Infrastructure;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// One page of the library: hits, facet counts over exactly what the viewer may see, and the front page's featured items.
/// When <see cref="IsCapped"/>, the search (or browsing without words) found more than <see cref="Total"/> matches and
/// looked only at the <see cref="Total"/> most recently approved: total and facet counts are lower bounds, and the page
/// must say so.
/// </summary>
public sealed record LibrarySearchResults(
    LibraryQuery Query,
    int Total,
    bool IsCapped,
    IReadOnlyList<LibrarySearchResults.Hit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<LibrarySearchResults.FacetValue>> Facets,
    IReadOnlyList<ResourceCard> Featured,
    IReadOnlyList<CollectionLink> FeaturedCollections)
{
    public const string TypeFacet = "type";
    public const string TopicFacet = "topic";
    public const string SdgFacet = "sdg";
    public const string LanguageFacet = "language";
    public const string EntityFacet = "entity";
    public const string YearFacet = "year";

    public int TotalPages => Paging.PageCount(Total, LibraryQuery.PageSize);

    public IReadOnlyList<FacetValue> Facet(string name) => Facets.TryGetValue(name, out var values) ? values : [];

    /// <summary>A hit; the HTML fields are encoded text with only <c>&lt;mark&gt;</c> added.</summary>
    public sealed record Hit(
        Guid Id, string Slug, string TitleHtml, string SummaryHtml, string? SnippetHtml, ResourceType Type, string? Entity,
        DateOnly? PublishedOn, IReadOnlyList<string> Languages, IReadOnlyList<string> Topics, IReadOnlyList<int> Sdgs,
        int Downloads, bool HasFiles, string? LinkUrl, string? GroupName)
    {
        public string Path => $"/library/{Slug}";
    }

    public sealed record FacetValue(string Value, int Count);
}
