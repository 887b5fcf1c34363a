using Bunit;
using CollabHub.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Shared;

public sealed class PagerTests : BunitContext
{
    public PagerTests() => Services.AddLocalization();

    [Fact]
    public void MiddlePage_LinksBothWays()
    {
        var pager = Render<Pager>(p => p.Add(x => x.Page, 2).Add(x => x.TotalPages, 3).Add(x => x.PageUrl, n => $"members?page={n}"));

        Assert.Equal("members?page=1", pager.Find("a[rel='prev']").GetAttribute("href"));
        Assert.Equal("members?page=3", pager.Find("a[rel='next']").GetAttribute("href"));
        Assert.Equal("Page 2 of 3", pager.Find(".pager__status").TextContent);
    }

    [Fact]
    public void FirstAndLastPages_OfferOnlyTheWayOn()
    {
        var first = Render<Pager>(p => p.Add(x => x.Page, 1).Add(x => x.TotalPages, 2).Add(x => x.PageUrl, n => $"?page={n}"));
        var last = Render<Pager>(p => p.Add(x => x.Page, 2).Add(x => x.TotalPages, 2).Add(x => x.PageUrl, n => $"?page={n}"));

        Assert.Empty(first.FindAll("a[rel='prev']"));
        Assert.Empty(last.FindAll("a[rel='next']"));
    }

    [Fact]
    public void SinglePage_RendersNothing() =>
        Assert.Empty(Render<Pager>(p => p.Add(x => x.Page, 1).Add(x => x.TotalPages, 1).Add(x => x.PageUrl, n => "")).Markup.Trim());
}
