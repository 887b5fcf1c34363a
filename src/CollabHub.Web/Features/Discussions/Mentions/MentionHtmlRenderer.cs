using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace CollabHub.Web.Features.Discussions.Mentions;

/// <summary>A resolved mention links to the member's profile under their current name; an unresolved one stays text.</summary>
internal sealed class MentionHtmlRenderer : HtmlObjectRenderer<MentionInline>
{
    protected override void Write(HtmlRenderer renderer, MentionInline mention)
    {
        if (mention.Member is { } member)
        {
            renderer.Write("<a href=\"members/").WriteEscapeUrl(Uri.EscapeDataString(member.UserId)).Write("\">@");
            renderer.WriteEscape(member.DisplayName);
            renderer.Write("</a>");
            return;
        }

        renderer.Write('@').WriteEscape(mention.Name);
    }
}
