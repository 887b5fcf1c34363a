using AngleSharp.Dom;
using Ganss.Xss;

namespace CollabHub.Web.Infrastructure.Markdown;

/// <summary>The allow-list behind <see cref="MarkdownRenderer"/>: everything not named here is removed.</summary>
internal static class MarkdownSanitizer
{
    public static readonly IReadOnlyList<string> AllowedTags =
    [
        "p", "br", "hr", "strong", "em", "b", "i", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    public static readonly IReadOnlyList<string> AllowedSchemes = ["http", "https", "mailto"];

    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        Replace(sanitizer.AllowedTags, AllowedTags);
        // "style" only for table cell alignment, and only its text-align property survives.
        Replace(sanitizer.AllowedAttributes, ["href", "title", "start", "style"]);
        Replace(sanitizer.AllowedCssProperties, ["text-align"]);
        Replace(sanitizer.AllowedSchemes, AllowedSchemes);
        Replace(sanitizer.UriAttributes, ["href"]);
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowDataAttributes = false;
        sanitizer.KeepChildNodes = false;
        sanitizer.PostProcessNode += (_, e) => PostProcess(e);
        return sanitizer;
    }

    private static void PostProcess(PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement { LocalName: "a" } link)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(link.GetAttribute("href")))
        {
            // A link whose address was refused is just its text.
            foreach (var child in link.ChildNodes.ToList())
            {
                e.ReplacementNodes.Add(child);
            }

            if (e.ReplacementNodes.Count == 0)
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(""));
            }

            return;
        }

        link.SetAttribute("rel", MarkdownRenderer.LinkRel);
    }

    private static void Replace(ISet<string> set, IEnumerable<string> values)
    {
        set.Clear();
        set.UnionWith(values);
    }
}
