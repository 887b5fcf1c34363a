using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>/groups: search over names, summaries and topics, topic chips, order by activity or size, and "My groups".</summary>
public sealed class GroupDirectoryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Search_FindsByNameSummaryOrTopic_AndTopicChipsFilter()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Curator");
        var tag = $"t{Guid.NewGuid():N}"[..10];
        var byName = await GroupTestData.CreateAsync(fixture.App, owner, name: $"Nudge unit {tag}");
        var byTopic = await GroupTestData.CreateAsync(fixture.App, owner, name: $"Climate {Guid.NewGuid():N}"[..20], topics: $"{tag}-topic, climate");
        var unrelated = await GroupTestData.CreateAsync(fixture.App, owner, name: $"Unrelated {Guid.NewGuid():N}"[..20], topics: "climate");
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);

        var found = Slugs(await browser.GetAsync($"groups?q={tag}"));
        var chip = (await browser.GetAsync("groups")).Document
            .QuerySelectorAll(".topic-chip").Single(a => a.TextContent.Contains($"{tag}-topic", StringComparison.Ordinal));
        var filtered = Slugs(await browser.GetAsync(chip.GetAttribute("href")!));

        Assert.Equal(new[] { byName, byTopic }.Order(), found.Order());
        Assert.DoesNotContain(unrelated, found);
        Assert.Equal([byTopic], filtered);
    }

    [Fact]
    public async Task Sort_BySize_PutsTheBiggestFirst_AndMyGroupsShowsOnlyMine()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Counter");
        var other = await TestAccounts.CreateAsync(fixture.App, "Other");
        var tag = $"s{Guid.NewGuid():N}"[..10];
        var small = await GroupTestData.CreateAsync(fixture.App, other, name: $"Small {tag}");
        var big = await GroupTestData.CreateAsync(fixture.App, other, name: $"Big {tag}");
        await GroupTestData.AddMemberAsync(fixture.App, big, owner);
        await GroupTestData.AddMemberAsync(fixture.App, big, await TestAccounts.CreateAsync(fixture.App, "Extra"));
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);

        var bySize = Slugs(await browser.GetAsync($"groups?q={tag}&sort=size"));
        var byName = Slugs(await browser.GetAsync($"groups?q={tag}&sort=name"));
        var mine = await browser.GetAsync($"groups?q={tag}&mine=true");

        Assert.Equal([big, small], bySize);
        Assert.Equal([big, small], byName);
        Assert.Equal([big], Slugs(mine));
        Assert.Contains("3 members", mine.Document.QuerySelector(".group-card__meta")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_SeesListedGroupCardsLinkingToTheirAbout()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Public");
        var tag = $"a{Guid.NewGuid():N}"[..10];
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Request, name: $"Listed private {tag}");
        using var anonymous = new TestBrowser(fixture.App);

        var page = await anonymous.GetAsync($"groups?q={tag}");

        Assert.Equal([slug], Slugs(page));
        Assert.Contains("Private group", page.MainText());
        Assert.DoesNotContain("My groups", page.MainText());
    }

    [Fact]
    public async Task APagePastTheLast_ShowsTheLastPage_NotNoGroups()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Bookmarker");
        var tag = $"p{Guid.NewGuid():N}"[..10];
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, name: $"Paged {tag}");
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);

        var page = await browser.GetAsync($"groups?q={tag}&page=7");

        Assert.Equal([slug], Slugs(page));
        Assert.DoesNotContain("No groups", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGroupsMembersPagePastTheLast_IsTheLastPage()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Paging owner");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, name: $"Members {Guid.NewGuid():N}"[..20]);

        var members = await GroupTestData.UseAsync<GroupMembershipService, PagedResult<GroupMemberSummary>?>(
            fixture.App, s => s.ListMembersAsync(GroupTestData.Viewer(owner), slug, null, 5));

        Assert.NotNull(members);
        Assert.Equal(1, members.Page);
        Assert.Equal([owner.Id], members.Items.Select(m => m.UserId));
    }

    private static List<string> Slugs(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll(".group-card__name a").Select(a => a.GetAttribute("href")!["groups/".Length..])];
}
