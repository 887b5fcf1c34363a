using Markdig;
using Markdig.Renderers;

namespace CollabHub.Web.Features.Discussions.Mentions;

/// <summary>Adds <see cref="MentionParser"/> and <see cref="MentionHtmlRenderer"/> to a Markdig pipeline.</summary>
internal sealed class MentionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<MentionParser>())
        {
            pipeline.InlineParsers.Insert(0, new MentionParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<MentionHtmlRenderer>())
        {
            html.ObjectRenderers.Insert(0, new MentionHtmlRenderer());
        }
    }
}
