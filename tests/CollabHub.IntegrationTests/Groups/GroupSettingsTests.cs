using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.TestSupport;
using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>/groups/{slug}/settings: moderators edit the description and cover; owners also choose who sees and joins.</summary>
public sealed class GroupSettingsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Moderator_EditsTheDescription_ButSeesVisibilityReadOnly_AndCantForgeIt()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Owner");
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Editor");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        await GroupTestData.AddMemberAsync(fixture.App, slug, moderator, GroupRole.Moderator);
        using var browser = await TestAccounts.SignInAsync(fixture.App, moderator);

        var form = await browser.GetAsync($"groups/{slug}/settings");
        Assert.Contains("Only the group's owners can change this.", form.MainText());
        Assert.Empty(form.Document.QuerySelectorAll("input[type=radio][name='Input.Visibility']"));
        var saved = await browser.SubmitFormAsync(form, "group", Fields(description: "Now with **monthly** calls."));
        Assert.Equal("The group's settings are saved.", saved.StatusMessage());
        var about = await browser.GetAsync($"groups/{slug}");
        Assert.Equal("monthly", about.Document.QuerySelector(".group-about__description strong")!.TextContent);

        var forged = await browser.SubmitFormAsync(await browser.GetAsync($"groups/{slug}/settings"), "group",
            Fields(visibility: "Private", joinPolicy: "Request"));
        Assert.Contains("Only the group's owners can change who can see and join it.", forged.MainText());
        Assert.Equal(GroupVisibility.Public, (await GroupTestData.GroupAsync(fixture.App, slug)).Visibility);
    }

    [Fact]
    public async Task Owner_HidesTheGroup_ByInvitationOnly_AndItLeavesTheDirectory()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Hider");
        var stranger = await TestAccounts.CreateAsync(fixture.App, "Looker");
        var marker = $"hx{Guid.NewGuid():N}"[..12];
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, name: $"Soon hidden {marker}");
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);

        var wrong = await browser.SubmitFormAsync(await browser.GetAsync($"groups/{slug}/settings"), "group", Fields(visibility: "Hidden", joinPolicy: "Open"));
        Assert.Contains("A hidden group can only be joined by invitation", wrong.MainText());
        Assert.Equal(GroupVisibility.Public, (await GroupTestData.GroupAsync(fixture.App, slug)).Visibility);

        var saved = await browser.SubmitFormAsync(await browser.GetAsync($"groups/{slug}/settings"), "group", Fields(visibility: "Hidden", joinPolicy: "Invitation"));
        Assert.Equal("The group's settings are saved.", saved.StatusMessage());

        using var strangerBrowser = await TestAccounts.SignInAsync(fixture.App, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync($"groups/{slug}")).Status);
        var search = (await strangerBrowser.GetAsync($"groups?q={marker}")).Document;
        Assert.Empty(search.QuerySelectorAll(".group-card"));
        Assert.True(await GroupTestData.QueryAsync(fixture.App, db => db.AuditLog.AnyAsync(e => e.Action == "group.access" && e.ActorUserId == owner.Id)));
    }

    [Fact]
    public async Task StaleSettingsPage_AfterDemotion_SaysWhyAndChangesNothing()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Keeper");
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Demoted");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        await GroupTestData.AddMemberAsync(fixture.App, slug, moderator, GroupRole.Moderator);
        using var browser = await TestAccounts.SignInAsync(fixture.App, moderator);
        var stale = await browser.GetAsync($"groups/{slug}/settings");

        await GroupTestData.UseAsync<GroupMembershipService, GroupOutcome>(fixture.App, s => s.ChangeRoleAsync(GroupTestData.Viewer(owner), slug, moderator.Id, GroupRole.Member));
        var posted = await browser.SubmitFormAsync(stale, "group", Fields(description: "Taken over."));

        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal("Only the group's owners and moderators can change its settings.", posted.StatusMessage());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"groups/{slug}/settings")).Status);
        Assert.NotEqual("Taken over.", (await GroupTestData.GroupAsync(fixture.App, slug)).Description);
    }

    [Fact]
    public async Task StaleSettingsPage_OfAPrivateGroupAfterRemoval_AnswersNotFound()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Remover");
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Removed");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Hidden);
        await GroupTestData.AddMemberAsync(fixture.App, slug, moderator, GroupRole.Moderator);
        using var browser = await TestAccounts.SignInAsync(fixture.App, moderator);
        var stale = await browser.GetAsync($"groups/{slug}/settings");

        await GroupTestData.UseAsync<GroupMembershipService, GroupOutcome>(fixture.App, s => s.RemoveAsync(GroupTestData.Viewer(owner), slug, moderator.Id));
        var posted = await browser.SubmitFormAsync(stale, "group", Fields(description: "Taken over."));

        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.NotEqual("Taken over.", (await GroupTestData.GroupAsync(fixture.App, slug)).Description);
    }

    [Fact]
    public async Task Cover_ReplacedThenRemoved_ChangesTheAddressThenGoes()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Designer");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);
        var png = TestImages.Solid(1500, 600, SKColors.Goldenrod, SKEncodedImageFormat.Png);

        await browser.SubmitFormAsync(await browser.GetAsync($"groups/{slug}/settings"), "group", Fields(), [new FileUpload("Cover", "banner.png", "image/png", png)]);
        var first = (await GroupTestData.GroupAsync(fixture.App, slug)).CoverVersion;
        await browser.SubmitFormAsync(await browser.GetAsync($"groups/{slug}/settings"), "group", Fields(), [new FileUpload("Cover", "banner2.png", "image/png", png)]);
        var second = (await GroupTestData.GroupAsync(fixture.App, slug)).CoverVersion;
        Assert.NotNull(first);
        Assert.NotEqual(first, second);

        var fields = Fields();
        fields["Input.RemoveCover"] = "true";
        var removed = await browser.SubmitFormAsync(await browser.GetAsync($"groups/{slug}/settings"), "group", fields);

        Assert.Equal("The group's settings are saved.", removed.StatusMessage());
        Assert.Null((await GroupTestData.GroupAsync(fixture.App, slug)).CoverVersion);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"groups/{slug}/cover")).Status);
    }

    private static Dictionary<string, string> Fields(string description = "Made by a test.", string visibility = "Public", string joinPolicy = "Open") => new()
    {
        ["Input.Summary"] = "A group made by a test.",
        ["Input.Description"] = description,
        ["Input.Visibility"] = visibility,
        ["Input.JoinPolicy"] = joinPolicy,
    };
}
