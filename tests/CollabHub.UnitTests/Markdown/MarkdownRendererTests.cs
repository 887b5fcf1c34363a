using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CollabHub.Web.Infrastructure.Markdown;

namespace CollabHub.UnitTests.Markdown;

/// <summary>Ordinary Markdown still renders the way members expect.</summary>
public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static IDocument Parse(string markdown) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{Renderer.Render(markdown)}</body></html>");

    [Fact]
    public void Render_Lists_RenderAsListItems()
    {
        var document = Parse("- first\n- second\n\n1. one\n2. two");

        Assert.Equal(["first", "second"], document.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal(["one", "two"], document.QuerySelectorAll("ol > li").Select(li => li.TextContent));
    }

    [Fact]
    public void Render_CodeBlockAndInlineCode_KeepTheirTextEscaped()
    {
        var document = Parse("Use `x < y` here.\n\n```\nif (a && b) { return \"<b>\"; }\n```");

        Assert.Equal("x < y", document.QuerySelector("p > code")!.TextContent);
        Assert.Equal("if (a && b) { return \"<b>\"; }\n", document.QuerySelector("pre > code")!.TextContent);
        Assert.Null(document.QuerySelector("pre b"));
    }

    [Fact]
    public void Render_PipeTable_RendersHeaderCellsAndAlignment()
    {
        var document = Parse("| Agency | Staff |\n|:--|--:|\n| UNDP | 22000 |\n| WFP | 23000 |");

        Assert.Equal(["Agency", "Staff"], document.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal(2, document.QuerySelectorAll("table tbody tr").Length);
        Assert.Contains("text-align: right", document.QuerySelectorAll("tbody td")[1].GetAttribute("style"));
    }

    [Fact]
    public void Render_Links_KeepTheirAddressAndGetNoFollowRel()
    {
        var document = Parse("See [the guidance](https://www.un.org/en/guidance \"UN guidance\") or mail <focal.point@un.org>.");

        var links = document.QuerySelectorAll("a");
        Assert.Equal("https://www.un.org/en/guidance", links[0].GetAttribute("href"));
        Assert.Equal("UN guidance", links[0].GetAttribute("title"));
        Assert.Equal("the guidance", links[0].TextContent);
        Assert.Equal("mailto:focal.point@un.org", links[1].GetAttribute("href"));
        Assert.All(links, a => Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel")));
    }

    [Fact]
    public void Render_BareAddresses_BecomeLinks()
    {
        var document = Parse("Visit www.undp.org or https://www.unicef.org/reports today.");

        Assert.Equal(["http://www.undp.org", "https://www.unicef.org/reports"], document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Render_RelativeLink_IsKept()
    {
        var document = Parse("[groups](/groups)");

        Assert.Equal("/groups", document.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Render_Emphasis_StrongEmAndStrikethrough()
    {
        var document = Parse("**bold** *italic* ~~gone~~");

        Assert.Equal("bold", document.QuerySelector("strong")!.TextContent);
        Assert.Equal("italic", document.QuerySelector("em")!.TextContent);
        Assert.Equal("gone", document.QuerySelector("del")!.TextContent);
    }

    [Fact]
    public void Render_Headings_AreDemotedBelowThePageHeadings()
    {
        var document = Parse("# Top\n\n## Next\n\n###### Deepest");

        Assert.Equal("Top", document.QuerySelector("h3")!.TextContent);
        Assert.Equal("Next", document.QuerySelector("h4")!.TextContent);
        Assert.Equal("Deepest", document.QuerySelector("h6")!.TextContent);
        Assert.Null(document.QuerySelector("h1, h2"));
    }

    [Fact]
    public void Render_Image_BecomesALinkLabelledWithItsAltText()
    {
        var document = Parse("![Team photo](https://example.org/team.jpg)");

        Assert.Null(document.QuerySelector("img"));
        var link = document.QuerySelector("a")!;
        Assert.Equal("https://example.org/team.jpg", link.GetAttribute("href"));
        Assert.Equal("Team photo", link.TextContent);
    }

    [Fact]
    public void Render_RawHtml_IsShownAsTextNotMarkup()
    {
        var document = Parse("I <b>mean</b> it");

        Assert.Null(document.QuerySelector("b"));
        Assert.Equal("I <b>mean</b> it", document.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Render_RefusedLink_KeepsItsTextWithoutALink()
    {
        var document = Parse("[click me](javascript:alert(1))");

        Assert.Null(document.QuerySelector("a"));
        Assert.Equal("click me", document.QuerySelector("p")!.TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Render_BlankInput_IsEmpty(string? markdown) => Assert.Equal("", Renderer.Render(markdown));

    [Fact]
    public void RenderMarkup_WrapsTheSameHtml() =>
        Assert.Equal(Renderer.Render("*hi*"), Renderer.RenderMarkup("*hi*").Value);
}
