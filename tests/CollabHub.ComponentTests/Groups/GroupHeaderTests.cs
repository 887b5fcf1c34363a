using Bunit;
using Bunit.TestDoubles;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Groups;

public sealed class GroupHeaderTests : BunitContext
{
    private static readonly GroupViewer Someone = new("someone", IsAdministrator: false);

    public GroupHeaderTests()
    {
        Services.AddLocalization();
        // The unread badge is a live island with its own tests; here only where it sits matters.
        ComponentFactories.AddStub<ChatUnreadBadge>();
    }

    [Fact]
    public void NonMemberOfPrivateGroup_SeesOnlyTheAboutTab()
    {
        var header = Render<GroupHeader>(p => p.Add(h => h.Access, Access(GroupVisibility.Private, role: null)).Add(h => h.Active, GroupTab.About));

        Assert.Equal(["About"], Tabs(header));
        Assert.Equal("page", header.Find("a.group-tabs__link--active").GetAttribute("aria-current"));
        Assert.Equal("Private group", header.Find(".badge").TextContent);
    }

    [Fact]
    public void SignedInNonMemberOfPublicGroup_ReadsItsContentTabs()
    {
        var header = Render<GroupHeader>(p => p.Add(h => h.Access, Access(GroupVisibility.Public, role: null)));

        Assert.Equal(["About", "Discussions", "Members", "Chat", "Library", "Events"], Tabs(header));
    }

    [Fact]
    public void Member_GetsContentTabsButNoSettings()
    {
        var header = Render<GroupHeader>(p => p.Add(h => h.Access, Access(GroupVisibility.Hidden, GroupRole.Member)).Add(h => h.Active, GroupTab.Members));

        Assert.Equal(["About", "Discussions", "Members", "Chat", "Library", "Events"], Tabs(header));
        Assert.Equal("groups/evaluators/members", header.Find("a[aria-current='page']").GetAttribute("href"));
        Assert.Equal("groups/evaluators/discussions", header.FindAll(".group-tabs a")[1].GetAttribute("href"));
    }

    [Fact]
    public void Member_GetsTheLiveUnreadCountOnTheChatTab_NonMemberDoesNot()
    {
        var member = Render<GroupHeader>(p => p.Add(h => h.Access, Access(GroupVisibility.Public, GroupRole.Member)));
        var reader = Render<GroupHeader>(p => p.Add(h => h.Access, Access(GroupVisibility.Public, role: null)));

        var badge = Assert.Single(member.FindComponents<Stub<ChatUnreadBadge>>());
        Assert.Equal("groups/evaluators/chat", member.FindAll(".group-tabs a")[3].GetAttribute("href"));
        Assert.NotNull(badge.Instance.Parameters.Get(b => b.GroupId));
        Assert.Empty(reader.FindComponents<Stub<ChatUnreadBadge>>());
    }

    [Theory]
    [InlineData(GroupRole.Moderator)]
    [InlineData(GroupRole.Owner)]
    public void OwnersAndModerators_AlsoGetSettings(GroupRole role)
    {
        var header = Render<GroupHeader>(p => p.Add(h => h.Access, Access(GroupVisibility.Private, role)));

        Assert.Equal(["About", "Discussions", "Members", "Chat", "Library", "Events", "Settings"], Tabs(header));
    }

    [Fact]
    public void Header_ShowsNameSummaryCountCoverAndTheViewersActions()
    {
        var access = Access(GroupVisibility.Public, GroupRole.Member);
        access.Group.CoverVersion = Guid.Parse("0199b0a0-0000-7000-8000-000000000001");

        var header = Render<GroupHeader>(p => p
            .Add(h => h.Access, access)
            .AddChildContent("<button class=\"test-action\">Leave group</button>"));

        Assert.Equal("Evaluators", header.Find("h1").TextContent);
        Assert.Equal("People who evaluate programmes.", header.Find(".group-header__summary").TextContent);
        Assert.Contains("12 members", header.Find(".group-header__meta").TextContent);
        Assert.Equal("groups/evaluators/cover?v=0199b0a0000070008000000000000001", header.Find("img.group-header__cover").GetAttribute("src"));
        Assert.Equal("", header.Find("img.group-header__cover").GetAttribute("alt"));
        Assert.Equal("Leave group", header.Find(".test-action").TextContent);
    }

    private static List<string> Tabs(IRenderedComponent<GroupHeader> header) => [.. header.FindAll(".group-tabs a").Select(a => a.TextContent)];

    private static GroupAccess Access(GroupVisibility visibility, GroupRole? role) => new(
        new Group { Slug = "evaluators", Name = "Evaluators", Summary = "People who evaluate programmes.", Visibility = visibility, MemberCount = 12 },
        Someone,
        role,
        IsBanned: false);
}
