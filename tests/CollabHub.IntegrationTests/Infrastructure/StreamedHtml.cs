using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// Parses a page the way a browser ends up showing it. A page with streaming rendering first sends its loading state,
/// then, in the same response, <c>&lt;blazor-ssr&gt;&lt;template blazor-component-id="N"&gt;</c> blocks that
/// blazor.web.js swaps in between the <c>&lt;!--bl:N--&gt;</c> and <c>&lt;!--/bl:N--&gt;</c> markers. This applies
/// those updates in order, so tests can assert on the finished page.
/// </summary>
public static class StreamedHtml
{
    public static IHtmlDocument Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var template in document.QuerySelectorAll("blazor-ssr template[blazor-component-id]").OfType<IHtmlTemplateElement>().ToList())
        {
            var id = template.GetAttribute("blazor-component-id");
            var comments = document.Descendants<IComment>().ToList();
            var start = comments.FirstOrDefault(c => c.Data == $"bl:{id}");
            var end = comments.FirstOrDefault(c => c.Data == $"/bl:{id}");
            if (start?.Parent is not { } parent || end is null)
            {
                continue;
            }

            while (start.NextSibling is { } node && node != end)
            {
                parent.RemoveChild(node);
            }

            foreach (var child in template.Content.ChildNodes.ToList())
            {
                parent.InsertBefore(child, end);
            }
        }

        foreach (var stream in document.QuerySelectorAll("blazor-ssr").ToList())
        {
            stream.Remove();
        }

        return document;
    }
}
