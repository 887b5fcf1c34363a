using System.Net;

namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// <c>ts_headline</c> marks matches with characters from Unicode's private use area (never markup), so the member's
/// text can be HTML-encoded whole before the markers become <c>&lt;mark&gt;</c>; the sanitizer then checks the result.
/// </summary>
public static class SearchHighlight
{
    public const string Start = "\uE000";
    public const string Stop = "\uE001";

    /// <summary>The <c>ts_headline</c> options: short fragments around the matches, marked with the private characters.</summary>
    public const string HeadlineOptions = $"StartSel={Start}, StopSel={Stop}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    public static string ToHtml(string headline, PostMarkup markup)
    {
        var encoded = WebUtility.HtmlEncode(headline)
            .Replace(Start, "<mark>", StringComparison.Ordinal)
            .Replace(Stop, "</mark>", StringComparison.Ordinal);
        return markup.Sanitize(encoded);
    }
}
