using Bunit;
using CollabHub.Web.Components.Pages;
using CollabHub.Web.Features.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Layout;

public sealed class StatusPagesTests : BunitContext
{
    public StatusPagesTests() => Services.AddLocalization();

    [Fact]
    public void NotFoundPage_ExplainsAndOffersAWayOn()
    {
        var page = Render<NotFoundPage>();

        Assert.Equal("We could not find that page", page.Find("h1").TextContent);
        Assert.NotNull(page.Find("a[href='']"));
        Assert.NotNull(page.Find("a[href='groups']"));
    }

    [Fact]
    public void GroupCardList_ShowsEachGroupWithItsVisibility()
    {
        GroupSummary[] groups =
        [
            new(Guid.NewGuid(), "open", "Open group", "Anyone may join.", GroupVisibility.Public),
            new(Guid.NewGuid(), "closed", "Closed group", "Members only.", GroupVisibility.Private),
        ];

        var list = Render<GroupCardList>(p => p.Add(c => c.Groups, groups));

        var cards = list.FindAll("li.group-card");
        Assert.Equal(2, cards.Count);
        Assert.Equal("Open group", cards[0].QuerySelector("h3")!.TextContent);
        Assert.Contains("Public group", cards[0].TextContent);
        Assert.Contains("Private group", cards[1].TextContent);
    }

    [Fact]
    public void GroupCardList_WhileLoadingAndWhenEmpty_SaysSo()
    {
        var loading = Render<GroupCardList>(p => p.Add(c => c.Groups, null));
        Assert.Equal("Loading groups…", loading.Find("[role=status]").TextContent);

        var empty = Render<GroupCardList>(p => p.Add(c => c.Groups, Array.Empty<GroupSummary>()));
        Assert.Equal("No groups yet.", empty.Find("p").TextContent);
        Assert.Empty(empty.FindAll("li"));
    }
}
