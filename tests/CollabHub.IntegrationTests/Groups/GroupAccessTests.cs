using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>
/// To a non-member, a private group's content and a hidden group's existence are invisible: every group route answers
/// 404, and no list, search or count gives them away.
/// </summary>
public sealed class GroupAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] ContentRoutes = ["members", "settings"];

    [Fact]
    public async Task PrivateGroup_NonMember_SeesNameAndDescription_But404ForEveryContentRoute()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Owner");
        var stranger = await TestAccounts.CreateAsync(fixture.App, "Stranger");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Request);
        using var browser = await TestAccounts.SignInAsync(fixture.App, stranger);

        var about = await browser.GetAsync($"groups/{slug}");
        Assert.Equal(HttpStatusCode.OK, about.Status);
        Assert.Contains("Made by a test, to be looked at by a test.", about.MainText());
        Assert.Contains("Ask to join", about.MainText());
        var tabs = about.Document.QuerySelectorAll(".group-tabs a").Select(a => a.TextContent).ToList();
        Assert.Equal(["About"], tabs);
        Assert.DoesNotContain("Owners and moderators", about.MainText());

        foreach (var route in ContentRoutes)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"groups/{slug}/{route}")).Status);
        }

        // The discussions pages decide through GroupAccess, which says the same.
        var access = await GroupTestData.UseAsync<GroupAccessService, GroupAccess?>(fixture.App, s => s.FindAsync(slug, GroupTestData.Viewer(stranger)));
        Assert.NotNull(access);
        Assert.False(access.CanRead);
        Assert.DoesNotContain(GroupTabs.For(access), t => t.Id == GroupTab.Discussions);
        Assert.Null(await GroupTestData.UseAsync<GroupMembershipService, object?>(fixture.App, async s => await s.ListMembersAsync(GroupTestData.Viewer(stranger), slug, null, 1)));
    }

    [Fact]
    public async Task HiddenGroup_NonMember_Gets404Everywhere_AndNoListSearchOrCountShowsIt()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Keeper");
        var stranger = await TestAccounts.CreateAsync(fixture.App, "Outsider");
        var marker = $"zq{Guid.NewGuid():N}"[..14];
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Hidden, name: $"Secret {marker}", topics: $"topic{marker}");
        await SetCoverAsync(slug);
        using var browser = await TestAccounts.SignInAsync(fixture.App, stranger);
        using var anonymous = new TestBrowser(fixture.App);

        foreach (var path in new[] { $"groups/{slug}", $"groups/{slug}/members", $"groups/{slug}/settings", $"groups/{slug}/cover" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"groups/{slug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"groups/{slug}/cover")).Status);
        Assert.Null(await GroupTestData.UseAsync<GroupAccessService, GroupAccess?>(fixture.App, s => s.FindAsync(slug, GroupTestData.Viewer(stranger))));

        foreach (var listing in new[] { "groups", $"groups?q={marker}", $"groups?topic=topic{marker}", "groups?sort=size", "/" })
        {
            // What the page lists: cards and topic chips (links and the search box echo the query itself).
            var listed = (await browser.GetAsync(listing)).Document.QuerySelectorAll(".group-card, .topic-chip");
            Assert.DoesNotContain(listed, element => element.TextContent.Contains(marker, StringComparison.Ordinal));
        }

        var search = (await browser.GetAsync($"groups?q={marker}")).Document;
        Assert.Equal("0 groups", search.QuerySelector(".directory-count")!.TextContent.Trim());

        // Posting to it as if it were there (with a valid token from another group's page) gives nothing away either.
        var open = await GroupTestData.CreateAsync(fixture.App, owner);
        var openAbout = await browser.GetAsync($"groups/{open}");
        var join = await browser.PostActionAsync(openAbout, $"groups/{open}/join", postTo: $"groups/{slug}/join");
        Assert.Equal(HttpStatusCode.NotFound, join.Status);
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, stranger));
    }

    [Fact]
    public async Task HiddenGroup_Member_FindsItInTheDirectoryAndMyGroups()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Insider");
        var marker = $"hm{Guid.NewGuid():N}"[..14];
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Hidden, name: $"Inner circle {marker}");
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);

        var mine = (await browser.GetAsync($"groups?mine=true&q={marker}")).Document;

        Assert.Equal($"groups/{slug}", mine.QuerySelector(".group-card__name a")!.GetAttribute("href"));
        Assert.Contains("You are an owner", mine.QuerySelector(".group-card__role")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"groups/{slug}/members")).Status);
    }

    [Fact]
    public async Task RemovedMember_LosesAccessAtOnce_AndTheirStalePageActionsAnswer404()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Head");
        var member = await TestAccounts.CreateAsync(fixture.App, "Leaving");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Request);
        await GroupTestData.AddMemberAsync(fixture.App, slug, member);
        using var memberBrowser = await TestAccounts.SignInAsync(fixture.App, member);
        using var ownerBrowser = await TestAccounts.SignInAsync(fixture.App, owner);
        var staleAbout = await memberBrowser.GetAsync($"groups/{slug}");
        Assert.Equal(HttpStatusCode.OK, (await memberBrowser.GetAsync($"groups/{slug}/members")).Status);

        var members = await ownerBrowser.GetAsync($"groups/{slug}/members");
        var removed = await ownerBrowser.PostActionAsync(members, $"groups/{slug}/members/{member.Id}/remove");
        Assert.Contains("Leaving has been removed from the group.", removed.MainText());

        Assert.Equal(HttpStatusCode.NotFound, (await memberBrowser.GetAsync($"groups/{slug}/members")).Status);
        var staleLeave = await memberBrowser.PostActionAsync(staleAbout, $"groups/{slug}/leave");
        Assert.Contains("You are not a member of this group.", staleLeave.MainText());
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, member));
        Assert.Equal(1, (await GroupTestData.GroupAsync(fixture.App, slug)).MemberCount);
    }

    [Fact]
    public async Task Anonymous_ContentRoutesSendToSignIn_WhileListedGroupsShowTheirAbout()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Host");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Request);
        using var anonymous = new TestBrowser(fixture.App);

        var about = await anonymous.GetAsync($"groups/{slug}");
        var members = await anonymous.GetAsync($"groups/{slug}/members");

        Assert.Equal(HttpStatusCode.OK, about.Status);
        Assert.Contains("Sign in to join", about.MainText());
        Assert.Contains("/Account/Login", members.Url.AbsolutePath);
    }

    [Fact]
    public async Task Administrator_SeesAndModeratesAHiddenGroupTheyDoNotBelongTo()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Quiet");
        var admin = await TestAccounts.CreateAsync(fixture.App, "Overseer", SiteRoles.Administrator);
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Hidden);
        using var browser = await TestAccounts.SignInAsync(fixture.App, admin);

        var members = await browser.GetAsync($"groups/{slug}/members");

        Assert.Equal(HttpStatusCode.OK, members.Status);
        Assert.Contains("Invite by e-mail", members.MainText());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"groups/{slug}/settings")).Status);
    }

    private async Task SetCoverAsync(string slug) =>
        await GroupTestData.QueryAsync(fixture.App, async db =>
        {
            var group = db.Groups.Single(g => g.Slug == slug);
            var version = Guid.NewGuid();
            db.GroupCovers.Add(new GroupCover { GroupId = group.Id, Content = [1, 2, 3], ContentType = "image/webp", Version = version, UpdatedAt = DateTimeOffset.UtcNow });
            group.CoverVersion = version;
            return await db.SaveChangesAsync();
        });
}
