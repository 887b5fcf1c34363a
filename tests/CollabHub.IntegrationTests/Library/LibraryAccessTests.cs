using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;

namespace CollabHub.IntegrationTests.Library;

/// <summary>A group's resources follow the group: outsiders never learn of them, anywhere.</summary>
public sealed class LibraryAccessTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Theory]
    [InlineData(GroupVisibility.Private)]
    [InlineData(GroupVisibility.Hidden)]
    public async Task GroupResource_IsInvisibleToOutsiders_InSearchFacetsPageAndDownload(GroupVisibility visibility)
    {
        var insider = await Data.MemberAsync("Insider");
        var groupModerator = await Data.MemberAsync("Group moderator");
        var outsider = await Data.MemberAsync("Outsider");
        var group = await Data.GroupAsync(visibility, (insider, GroupRole.Member), (groupModerator, GroupRole.Moderator));
        var word = LibraryTestData.Word();
        var topic = LibraryTestData.Word();
        var form = LibraryTestData.Form($"Internal {word}", link: null, group: group.Slug);
        form.Topics = topic;
        var resource = await Data.SubmitAsync(insider, form, LibraryTestData.File("internal.pdf", LibraryTestData.Pdf(word)));
        var approved = await Data.Service.DecideAsync(LibraryTestData.Principal(groupModerator), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct);
        Assert.True(approved.Succeeded, approved.Message);

        var insiderSearch = await Data.Search.SearchAsync(LibraryTestData.Principal(insider), new LibraryQuery { Q = word }, Ct);
        var outsiderSearch = await Data.Search.SearchAsync(LibraryTestData.Principal(outsider), new LibraryQuery { Q = word }, Ct);
        var outsiderFacets = await Data.Search.SearchAsync(LibraryTestData.Principal(outsider), new LibraryQuery(), Ct);
        var anonymousSearch = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Topic = topic }, Ct);
        using var browser = await TestAccounts.SignInAsync(fixture.App, outsider);
        var page = await browser.GetAsync($"library/{resource.Slug}");
        var listing = await browser.GetAsync($"library?q={word}");
        using var download = await browser.Client.GetAsync($"library/{resource.Id}/files/{resource.Files.Single().Id}", Ct);

        Assert.Equal(1, insiderSearch.Total);
        Assert.Equal(0, outsiderSearch.Total);
        Assert.DoesNotContain(outsiderFacets.Facet(LibrarySearchResults.TopicFacet), f => f.Value == topic);
        Assert.Equal(0, anonymousSearch.Total);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain($"Internal {word}", listing.Html, StringComparison.Ordinal);
        Assert.Contains("0 resources", listing.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(group.Name, page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task PendingResource_IsSeenOnlyBySubmitterAndModerators()
    {
        var member = await Data.MemberAsync();
        var other = await Data.MemberAsync("Other");
        var moderator = await Data.ModeratorAsync();
        var resource = await Data.SubmitAsync(member, LibraryTestData.Form("Waiting for review"));
        using var asOther = await TestAccounts.SignInAsync(fixture.App, other);
        using var asMember = await TestAccounts.SignInAsync(fixture.App, member);
        using var asModerator = await TestAccounts.SignInAsync(fixture.App, moderator);

        Assert.Equal(HttpStatusCode.NotFound, (await asOther.GetAsync($"library/{resource.Slug}")).Status);
        Assert.Contains("Awaiting review", (await asMember.OpenAsync($"library/{resource.Slug}")).Html, StringComparison.Ordinal);
        var queue = await asModerator.OpenAsync("library/review");
        Assert.Contains("Waiting for review", queue.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await asOther.GetAsync("library/review")).Status);
    }

    [Fact]
    public async Task PublicGroupResource_IsFoundWithItsGroupByOutsiders_ButNotBySomeoneBannedFromTheGroup()
    {
        var owner = await Data.MemberAsync("Owner");
        var outsider = await Data.MemberAsync("Outsider");
        var banned = await Data.MemberAsync("Banned");
        var group = await Data.GroupAsync(GroupVisibility.Public, (owner, GroupRole.Owner));
        await TestGroups.BanAsync(fixture.App, group, [banned]);
        var word = LibraryTestData.Word();
        var resource = await Data.SubmitAsync(owner, LibraryTestData.Form($"Open {word}", group: group.Slug));
        Assert.True((await Data.Service.DecideAsync(LibraryTestData.Principal(owner), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct)).Succeeded);

        var outsiderSearch = await Data.Search.SearchAsync(LibraryTestData.Principal(outsider), new LibraryQuery { Q = word }, Ct);
        var outsiderInGroup = await Data.Search.SearchAsync(LibraryTestData.Principal(outsider), new LibraryQuery { Group = group.Slug }, Ct);
        var bannedSearch = await Data.Search.SearchAsync(LibraryTestData.Principal(banned), new LibraryQuery { Q = word }, Ct);
        var bannedInGroup = await Data.Search.SearchAsync(LibraryTestData.Principal(banned), new LibraryQuery { Group = group.Slug }, Ct);

        Assert.Equal(group.Name, Assert.Single(outsiderSearch.Hits).GroupName);
        Assert.Equal(resource.Id, Assert.Single(outsiderInGroup.Hits).Id);
        Assert.Equal(0, bannedSearch.Total);
        Assert.Equal(0, bannedInGroup.Total);
    }

    [Fact]
    public async Task GroupLibraryTab_ListsTheGroupsResources_ForReadersOnly()
    {
        var insider = await Data.MemberAsync("Insider");
        var outsider = await Data.MemberAsync("Outsider");
        var moderator = await Data.ModeratorAsync();
        var group = await Data.GroupAsync(GroupVisibility.Private, (insider, GroupRole.Owner));
        var resource = await Data.SubmitAsync(insider, LibraryTestData.Form("Group toolkit", group: group.Slug));
        Assert.True((await Data.Service.DecideAsync(LibraryTestData.Principal(insider), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct)).Succeeded);
        using var asInsider = await TestAccounts.SignInAsync(fixture.App, insider);
        using var asOutsider = await TestAccounts.SignInAsync(fixture.App, outsider);
        using var asSiteModerator = await TestAccounts.SignInAsync(fixture.App, moderator);

        var tab = await asInsider.OpenAsync($"groups/{group.Slug}/library");

        Assert.Contains("Group toolkit", tab.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await asOutsider.GetAsync($"groups/{group.Slug}/library")).Status);
        // Site moderators curate the site-wide library, not a private group's.
        Assert.Equal(HttpStatusCode.NotFound, (await asSiteModerator.GetAsync($"library/{resource.Slug}")).Status);
    }
}
