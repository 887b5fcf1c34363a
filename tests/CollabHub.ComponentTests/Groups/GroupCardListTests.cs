using Bunit;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Groups;

public sealed class GroupCardListTests : BunitContext
{
    public GroupCardListTests()
    {
        Services.AddLocalization();
        // The unread badge is a live island with its own tests; here only where it sits matters.
        ComponentFactories.AddStub<ChatUnreadBadge>();
    }

    [Fact]
    public void Card_LinksToTheGroup_AndShowsTopicsSizeVisibilityAndTheViewersRole()
    {
        var group = new GroupSummary(Guid.NewGuid(), "data-protection", "Data Protection Focal Points", "Focal points compare notes.", GroupVisibility.Private)
        {
            MemberCount = 3,
            Topics = ["privacy", "data protection"],
            ViewerRole = GroupRole.Moderator,
        };

        var list = Render<GroupCardList>(p => p.Add(l => l.Groups, [group]));

        var link = list.Find(".group-card__name a");
        Assert.Equal("groups/data-protection", link.GetAttribute("href"));
        Assert.Equal("Data Protection Focal Points", link.TextContent);
        Assert.Equal("Focal points compare notes.", list.Find(".group-card__summary").TextContent);
        Assert.Equal(["privacy", "data protection"], list.FindAll(".group-card__topics li").Select(li => li.TextContent));
        var meta = list.Find(".group-card__meta").TextContent;
        Assert.Contains("Private group", meta);
        Assert.Contains("3 members", meta);
        Assert.Contains("You are a moderator", list.Find(".group-card__role").TextContent);
        Assert.Empty(list.FindAll("img"));
    }

    [Fact]
    public void Card_OneMemberNotJoinedWithCover_SaysSoAndShowsTheCover()
    {
        var version = Guid.NewGuid();
        var group = new GroupSummary(Guid.NewGuid(), "solo", "Solo", "Just one.", GroupVisibility.Public) { MemberCount = 1, CoverVersion = version };

        var list = Render<GroupCardList>(p => p.Add(l => l.Groups, [group]));

        Assert.Contains("1 member", list.Find(".group-card__meta").TextContent);
        Assert.Empty(list.FindAll(".group-card__role"));
        Assert.Empty(list.FindAll(".group-card__topics"));
        Assert.Equal($"groups/solo/cover?v={version:N}", list.Find("img.group-card__cover").GetAttribute("src"));
    }

    [Fact]
    public void List_LoadingEmptyWithItsMessageAndFull()
    {
        var loading = Render<GroupCardList>(p => p.Add(l => l.Groups, null));
        var empty = Render<GroupCardList>(p => p.Add(l => l.Groups, []).Add(l => l.EmptyMessage, "No groups match."));
        var full = Render<GroupCardList>(p => p.Add(l => l.Groups, [
            new GroupSummary(Guid.NewGuid(), "a", "A", "a", GroupVisibility.Public),
            new GroupSummary(Guid.NewGuid(), "b", "B", "b", GroupVisibility.Hidden),
        ]));

        Assert.Equal("status", loading.Find(".loading").GetAttribute("role"));
        Assert.Equal("No groups match.", empty.Find(".group-cards-empty").TextContent);
        Assert.Equal(2, full.FindAll("li.group-card").Count);
        Assert.Contains("Hidden group", full.FindAll(".group-card__meta")[1].TextContent);
    }
}
