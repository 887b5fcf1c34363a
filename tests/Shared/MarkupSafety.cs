using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CollabHub.Web.Infrastructure.Markdown;

namespace CollabHub.TestSupport;

/// <summary>
/// What "no executable markup survives" means, checked the way a browser would parse the HTML: only allow-listed
/// elements and attributes, no event handlers, only harmless styles, and links with allowed schemes and our rel.
/// Shared by the renderer's unit tests and the discussions' post pipeline tests.
/// </summary>
public static class MarkupSafety
{
    public static readonly IReadOnlySet<string> ForbiddenElements = new HashSet<string>
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base", "svg",
        "math", "img", "form", "input", "button", "textarea", "select", "template", "portal", "video", "audio", "source",
    };

    private static readonly HashSet<string> AllowedAttributes = ["href", "title", "start", "style", "rel"];

    public static void AssertSafe(string html)
    {
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        var elements = document.Body!.Descendants<IElement>().ToList();

        foreach (var element in elements)
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            Assert.Contains(element.LocalName, MarkdownSanitizer.AllowedTags);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Event handler survived: {html}");
                Assert.Contains(attribute.Name, AllowedAttributes);
            }

            if (element.GetAttribute("style") is { } style)
            {
                Assert.Matches("^text-align: (left|right|center|justify|start|end);?$", style.Trim());
            }

            if (element.LocalName == "a")
            {
                Assert.Equal(MarkdownRenderer.LinkRel, element.GetAttribute("rel"));
                Assert.Null(element.GetAttribute("target"));
                AssertAllowedUrl(element.GetAttribute("href"), html);
            }
        }
    }

    /// <summary>Reads the address the way a browser does (control characters and whitespace dropped) before judging its scheme.</summary>
    private static void AssertAllowedUrl(string? href, string html)
    {
        Assert.False(string.IsNullOrWhiteSpace(href), $"A link without an address survived: {html}");
        var compact = new string(href.Where(c => c > ' ' && c != '\u007f').ToArray()).ToLowerInvariant();
        var end = compact.IndexOfAny(['/', '?', '#']);
        var head = end < 0 ? compact : compact[..end];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            Assert.Contains(head[..colon], MarkdownSanitizer.AllowedSchemes);
        }
    }
}
