using CollabHub.Web.Infrastructure.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Infrastructure.Markdown;

/// <summary>
/// Turns member-written Markdown into HTML that is safe to render with <see cref="MarkupString"/>: Markdig with raw
/// HTML disabled, then HtmlSanitizer with an explicit allow-list. One instance serves the whole app (both parts are
/// thread-safe once configured), so register it as a singleton.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>
    /// Headings written in Markdown sit under the page's own h1 and a section h2, so "#" becomes h3 and the page's
    /// outline stays intact for screen readers.
    /// </summary>
    public const int HeadingOffset = 2;

    /// <summary>What every surviving link carries: no ranking credit for member content, no window.opener access.</summary>
    public const string LinkRel = "nofollow ugc noopener";

    private readonly MarkdownPipeline pipeline;

    private readonly HtmlSanitizer sanitizer = MarkdownSanitizer.Create();

    public MarkdownRenderer()
        : this([])
    {
    }

    /// <summary>
    /// The house pipeline plus a feature's own Markdig syntax (discussions add @mentions). The sanitizer still has the
    /// last word: an extension can add meaning, never markup the allow-list refuses.
    /// </summary>
    public MarkdownRenderer(IEnumerable<IMarkdownExtension> extensions)
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseAutoLinks()
            .UseEmphasisExtras();
        foreach (var extension in extensions)
        {
            builder.Extensions.Add(extension);
        }

        pipeline = builder.Build();
    }

    /// <summary>Safe HTML for the given Markdown; empty for null or blank input.</summary>
    public string Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Render(Parse(markdown));

    /// <summary>
    /// The syntax tree with the house adjustments applied (headings demoted, images as links), for a caller that
    /// inspects or completes it (resolving mentions) before <see cref="Render(MarkdownDocument)"/>.
    /// </summary>
    public MarkdownDocument Parse(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        Adjust(document);
        return document;
    }

    /// <summary>Safe HTML for a document from <see cref="Parse"/>.</summary>
    public string Render(MarkdownDocument document) => Sanitize(Write(document, plain: false));

    /// <summary>
    /// What a reader of the rendered Markdown sees, as one line of plain text, for places that show no markup
    /// (notification excerpts, e-mails, search snippets): no emphasis or heading marks, a link as its text, a list
    /// item without its bullet, a mention as "@Name". Empty for null or blank input.
    /// </summary>
    public string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        return PlainText.SingleLine(Write(Parse(markdown), plain: true));
    }

    /// <summary>
    /// The document through the pipeline's HTML renderer; <paramref name="plain"/> is Markdig's own plain-text mode,
    /// the same renderer with every tag and escape turned off.
    /// </summary>
    private string Write(MarkdownDocument document, bool plain)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = !plain, EnableHtmlForInline = !plain, EnableHtmlEscape = !plain };
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The same, ready for a Razor component: <c>@Markdown.RenderMarkup(post.Body)</c>.</summary>
    public MarkupString RenderMarkup(string? markdown) => new(Render(markdown));

    /// <summary>
    /// The sanitizing half alone, for HTML from elsewhere. Applying it to its own output changes nothing, so content
    /// stored already sanitized can safely go through it again.
    /// </summary>
    public string Sanitize(string html) => sanitizer.Sanitize(html);

    private static void Adjust(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + HeadingOffset);
        }

        // The Content-Security-Policy allows only our own images, and a remote image would tell its host who read
        // the page; an image becomes a plain link to it, labelled with its alt text.
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
        }
    }
}
