using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Library;

/// <summary>Reviewers see what waits for them in the navigation; nobody else does.</summary>
public sealed class LibraryNavigationTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Navigation_ShowsThePendingCount_OnlyToThoseWhoReview()
    {
        var member = await Data.MemberAsync();
        var groupModerator = await Data.MemberAsync("Group moderator");
        var group = await Data.GroupAsync(GroupVisibility.Public, (member, GroupRole.Member), (groupModerator, GroupRole.Moderator));
        await Data.SubmitAsync(member, LibraryTestData.Form("For the group", group: group.Slug));
        await Data.SubmitAsync(member, LibraryTestData.Form("For the group too", group: group.Slug));
        using var asModerator = await TestAccounts.SignInAsync(fixture.App, groupModerator);
        using var asMember = await TestAccounts.SignInAsync(fixture.App, member);

        var moderatorNav = (await asModerator.OpenAsync("library")).QuerySelector("a[href='library/review']");
        var memberNav = (await asMember.OpenAsync("library")).QuerySelector("a[href='library/review']");

        Assert.NotNull(moderatorNav);
        Assert.StartsWith("Review 2", moderatorNav.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(memberNav);
    }
}
