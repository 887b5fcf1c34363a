using System.Globalization;
using System.Net;
using System.Text.Json;
using CollabHub.Web.Features.Discussions;

namespace CollabHub.Web.Features.Library;

/// <summary>The library page as <see cref="LibrarySearchService"/>'s statement returns it (one JSON document), read into results.</summary>
internal static class LibrarySearchReader
{
    public static LibrarySearchResults Read(LibraryQuery query, JsonElement root)
    {
        var hits = root.GetProperty("hits").EnumerateArray().Select(h => new LibrarySearchResults.Hit(
            h.GetProperty("id").GetGuid(),
            h.GetProperty("slug").GetString()!,
            Highlighted(h.GetProperty("title").GetString()!),
            Highlighted(h.GetProperty("summary").GetString()!),
            h.GetProperty("snippet").GetString() is { } snippet && snippet.Contains(SearchHighlight.Start, StringComparison.Ordinal) ? Highlighted(snippet) : null,
            Enum.Parse<ResourceType>(h.GetProperty("type").GetString()!),
            h.GetProperty("entity").GetString(),
            DateOf(h.GetProperty("published")),
            Strings(h.GetProperty("languages")),
            Strings(h.GetProperty("topics")),
            [.. h.GetProperty("sdgs").EnumerateArray().Select(s => s.GetInt32())],
            h.GetProperty("downloads").GetInt32(),
            h.GetProperty("hasFiles").GetBoolean(),
            h.GetProperty("link").GetString(),
            h.GetProperty("group").GetString())).ToList();
        var facets = root.GetProperty("facets").EnumerateArray()
            .GroupBy(f => f.GetProperty("f").GetString()!)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<LibrarySearchResults.FacetValue>)[.. g.Select(f => new LibrarySearchResults.FacetValue(f.GetProperty("v").GetString()!, f.GetProperty("n").GetInt32()))
                    .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)]);
        var featured = root.GetProperty("featured").EnumerateArray().Select(f => new ResourceCard(
            f.GetProperty("id").GetGuid(), f.GetProperty("slug").GetString()!, f.GetProperty("title").GetString()!, f.GetProperty("summary").GetString()!,
            Enum.Parse<ResourceType>(f.GetProperty("type").GetString()!), f.GetProperty("entity").GetString(), DateOf(f.GetProperty("published")),
            f.GetProperty("group").GetString())).ToList();
        var collections = root.GetProperty("collections").EnumerateArray().Select(c => new CollectionLink(
            c.GetProperty("id").GetGuid(), c.GetProperty("slug").GetString()!, c.GetProperty("title").GetString()!,
            c.GetProperty("description").GetString()!, c.GetProperty("n").GetInt32())).ToList();
        return new LibrarySearchResults(query, root.GetProperty("total").GetInt32(), root.GetProperty("capped").GetBoolean(), hits, facets, featured, collections);
    }

    /// <summary>The text HTML-encoded whole, then the private-use markers from <c>ts_headline</c> turned into <c>mark</c>.</summary>
    internal static string Highlighted(string headline) =>
        WebUtility.HtmlEncode(headline)
            .Replace(SearchHighlight.Start, "<mark>", StringComparison.Ordinal)
            .Replace(SearchHighlight.Stop, "</mark>", StringComparison.Ordinal);

    private static DateOnly? DateOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
