using CollabHub.Web.Features.Discussions.Mentions;
using CollabHub.Web.Infrastructure.Markdown;
using Markdig.Syntax;

namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// The post pipeline: the house Markdown rules (Markdig without raw HTML, then the HtmlSanitizer allow-list; http,
/// https and mailto links with <c>rel="nofollow ugc noopener"</c>) plus @mentions. A singleton: it holds no state.
/// </summary>
public sealed class PostMarkup
{
    private readonly MarkdownRenderer renderer = new([new MentionExtension()]);

    /// <summary>A post's Markdown parsed, with its mentions still to be resolved.</summary>
    public sealed class Draft(MarkdownDocument document)
    {
        public MarkdownDocument Document { get; } = document;

        public IReadOnlyList<MentionInline> Mentions { get; } = document.Descendants<MentionInline>().ToList();

        /// <summary>The members the resolved mentions name, each once.</summary>
        public IReadOnlyList<string> MentionedUserIds =>
            Mentions.Where(m => m.Member is not null).Select(m => m.Member!.UserId).Distinct(StringComparer.Ordinal).ToList();
    }

    public Draft Parse(string markdown) => new(renderer.Parse(markdown));

    /// <summary>Safe HTML: resolved mentions link to profiles, unresolved ones stay text.</summary>
    public string Render(Draft draft) => renderer.Render(draft.Document);

    /// <summary>A post as one line of plain text (notification excerpts, search snippets): mentions as "@Name".</summary>
    public string ToPlainText(string markdown) => renderer.ToPlainText(markdown);

    /// <summary>The sanitizer alone (search snippets, re-checking stored HTML); idempotent.</summary>
    public string Sanitize(string html) => renderer.Sanitize(html);
}
