using System.Diagnostics;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// The home page's library section, read in one statement: the featured and the newest lists each keep their own
/// order and size, and a private group's resources reach its members only.
/// </summary>
public sealed class LibraryHomeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => new(fixture.App);

    [Fact]
    public async Task Home_FeaturedAndNewest_EachNewestFirstCappedAndPrivateToMembers()
    {
        var submitter = await Data.MemberAsync("Home submitter");
        var moderator = await Data.ModeratorAsync("Home moderator");
        var insider = await Data.MemberAsync("Home insider");
        var outsider = await Data.MemberAsync("Home outsider");
        var group = await Data.GroupAsync(GroupVisibility.Private, (insider, GroupRole.Member), (submitter, GroupRole.Moderator));
        var titles = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var resource = await Data.ApprovedAsync(submitter, moderator, LibraryTestData.Form($"Home resource {i}"));
            titles.Add(resource.Title);
            if (i is 1 or 2 or 3 or 5)
            {
                var featured = await Data.Service.DecideAsync(LibraryTestData.Moderator(moderator), resource.Id, ResourceDecision.Feature, null, resource.Version, Ct);
                Assert.True(featured.Succeeded, featured.Message);
            }
        }

        var secret = await Data.ApprovedAsync(submitter, submitter, LibraryTestData.Form("Home private brief", group: group.Slug));

        var forOutsider = await Data.Service.HomeAsync(LibraryTestData.Principal(outsider), Ct);
        var forInsider = await Data.Service.HomeAsync(LibraryTestData.Principal(insider), Ct);

        // Three featured, newest first; five others, newest first (only three of the others are not featured).
        Assert.Equal([titles[5], titles[3], titles[2]], forOutsider.Featured.Select(c => c.Title));
        Assert.Equal([titles[6], titles[4], titles[0]], forOutsider.Newest.Select(c => c.Title));
        Assert.Equal([secret.Title, titles[6], titles[4], titles[0]], forInsider.Newest.Select(c => c.Title));
        Assert.Equal(group.Name, forInsider.Newest[0].GroupName);
    }

    [Fact]
    public async Task Home_SignedInMember_ReadsTheLibrarySectionInOneStatement()
    {
        var member = await Data.MemberAsync("Home counted");
        var library = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<LibraryService>();
        await library.HomeAsync(LibraryTestData.Principal(member), Ct);
        using var traced = new ActivitySource(nameof(LibraryHomeTests));
        using var statements = new StatementCounter(fixture.ConnectionString, traced.Name);

        using (traced.StartActivity())
        {
            await library.HomeAsync(LibraryTestData.Principal(member), Ct);
        }

        // Featured and newest were two statements.
        Assert.Single(statements.Statements, s => !s.StartsWith("CONNECT", StringComparison.Ordinal));
    }
}
