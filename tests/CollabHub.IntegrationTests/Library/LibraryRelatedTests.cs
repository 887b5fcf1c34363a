using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Markdown;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// A resource page's related resources: up to four others sharing the most topics and goals, newest first among
/// equals, never a private group's for outsiders; looked for among the most recently approved first, and in the
/// whole library when those hold too few. Its own database: the filler changes which resources are the newest.
/// </summary>
public sealed class LibraryRelatedTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Related_AreThoseSharingTheMost_NewestFirst_PrivateOnesOnlyToMembers_WhereverTheyAreInTheLibrary()
    {
        var insider = await Data.MemberAsync("Insider");
        var outsider = await Data.MemberAsync("Outsider");
        var moderator = await Data.ModeratorAsync();
        var group = await Data.GroupAsync(GroupVisibility.Private, (insider, GroupRole.Owner));
        var (first, second) = (LibraryTestData.Word(), LibraryTestData.Word());
        var page = await ApprovedAsync(outsider, moderator, "The page", [first, second], [14]);
        var both = await ApprovedAsync(outsider, moderator, "Both topics", [first, second], []);
        var one = await ApprovedAsync(outsider, moderator, "One topic", [first], []);
        var goal = await ApprovedAsync(outsider, moderator, "A topic and the goal", [second], [14]);
        await ApprovedAsync(outsider, moderator, "Unrelated", [LibraryTestData.Word()], [3]);
        var secretForm = Form("Secret, both topics", [first, second], []);
        secretForm.Group = group.Slug;
        var secret = (await Data.GroupApprovedAsync(insider, secretForm)).Slug;

        // Two shared first, the newest of them first; then one shared.
        string[] outside = [goal, both, one];
        string[] inside = [secret, goal, both, one];
        Assert.Equal(outside, await RelatedAsync(outsider, page));
        Assert.Equal(outside, await RelatedAsync(null, page));
        Assert.Equal(inside, await RelatedAsync(insider, page));

        // Approved since, more than the window: none of them related. The same resources are found in the whole library.
        // Each a microsecond after the one before, so that what is approved next is newer still.
        await Data.FillerAsync("related-filler-", LibraryService.RelatedWindow + 10, TimeSpan.FromTicks(10));
        Assert.Equal(outside, await RelatedAsync(outsider, page));
        Assert.Equal(inside, await RelatedAsync(insider, page));

        // Four newer ones sharing one topic: the window holds enough, and they are shown, newest first.
        var newer = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            newer.Insert(0, await ApprovedAsync(outsider, moderator, $"Newer {i}", [first], []));
        }

        Assert.Equal(newer, await RelatedAsync(outsider, page));
    }

    private async Task<string> ApprovedAsync(ApplicationUser submitter, ApplicationUser moderator, string title, string[] topics, List<int> sdgs) =>
        (await Data.ApprovedAsync(submitter, moderator, Form(title, topics, sdgs))).Slug;

    private static ResourceForm Form(string title, string[] topics, List<int> sdgs)
    {
        var form = LibraryTestData.Form(title);
        form.Topics = string.Join(", ", topics);
        form.Sdgs = sdgs;
        return form;
    }

    private async Task<string[]> RelatedAsync(ApplicationUser? viewer, string slug)
    {
        var markdown = fixture.App.Services.GetRequiredService<MarkdownRenderer>();
        var view = await Data.Service.FindAsync(viewer is null ? LibraryTestData.Anonymous : LibraryTestData.Principal(viewer), slug, markdown, Ct);
        return [.. view!.Related.Select(r => r.Slug)];
    }
}
