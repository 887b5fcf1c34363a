using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CollabHub.Web.Infrastructure.Markdown;

namespace CollabHub.UnitTests.Markdown;

/// <summary>No executable markup survives, whether it comes in as Markdown or as HTML straight to the sanitizer.</summary>
public sealed class MarkdownSafetyTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly HashSet<string> ForbiddenElements =
    [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta", "base", "svg",
        "math", "img", "form", "input", "button", "textarea", "select", "template", "portal", "video", "audio", "source",
    ];

    private static readonly HashSet<string> AllowedAttributes = ["href", "title", "start", "style", "rel"];

    public static TheoryData<string> Vectors => new(XssVectors.All);

    [Fact]
    public void Corpus_HasAtLeast150Vectors() => Assert.True(XssVectors.All.Distinct().Count() >= 150);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Render_HostileMarkdown_LeavesNoExecutableMarkup(string vector)
    {
        var html = Renderer.Render(vector);

        AssertSafe(html);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sanitize_HostileHtml_LeavesNoExecutableMarkup(string vector)
    {
        var html = Renderer.Sanitize(vector);

        AssertSafe(html);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sanitize_AppliedTwice_ChangesNothing(string vector)
    {
        var once = Renderer.Render(vector);
        var raw = Renderer.Sanitize(vector);

        Assert.Equal(once, Renderer.Sanitize(once));
        Assert.Equal(raw, Renderer.Sanitize(raw));
    }

    private static void AssertSafe(string html)
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
