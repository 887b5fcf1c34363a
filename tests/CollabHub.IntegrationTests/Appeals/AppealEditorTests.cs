using System.Net;
using CollabHub.IntegrationTests.Groups;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>A site moderator writes an appeal through the form, opens it and edits it; members can't start one.</summary>
public sealed class AppealEditorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Moderator_WritesOpensAndEditsAnAppeal_ThroughTheForms()
    {
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Writer", SiteRoles.Moderator);
        using var browser = await TestAccounts.SignInAsync(fixture.App, moderator);
        var title = $"Protect health workers {Guid.NewGuid():N}"[..34];

        var saved = await browser.SubmitFormAsync("appeals/new", "appeal", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.IssuedBy"] = "The hub's moderators",
            ["Input.Call"] = "Keep **clinics** safe.",
            ["Input.StartsOn"] = "2026-01-01",
            ["Input.Goal"] = "500",
            ["Input.RelatedLinks"] = "Guidance | https://example.org/guidance",
        });

        Assert.Equal("The appeal is saved as a draft. Open it when it is ready.", saved.StatusMessage());
        var slug = saved.Url.AbsolutePath.Split('/')[2];
        var opened = await browser.PostActionAsync(saved, $"appeals/{slug}/open");
        Assert.Equal("The appeal is open for endorsements.", opened.StatusMessage());

        var edited = await browser.SubmitFormAsync($"appeals/{slug}/edit", "appeal", new Dictionary<string, string> { ["Input.IssuedBy"] = "The Coordinators" });
        Assert.Equal("The appeal is saved.", edited.StatusMessage());
        var page = await browser.OpenAsync($"appeals/{slug}");
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Issued by The Coordinators", page.MainText());
        Assert.Equal("clinics", page.QuerySelector(".appeal__text strong")!.TextContent);
        Assert.Equal("https://example.org/guidance", page.QuerySelector(".appeal__text a[href^='https://example.org']")!.GetAttribute("href"));
        Assert.Equal("0", page.QuerySelector("#appeal-progress")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Form_EndBeforeStart_IsRefusedWithAReason()
    {
        using var browser = await TestAccounts.SignInAsync(fixture.App, await TestAccounts.CreateAsync(fixture.App, "Careless", SiteRoles.Moderator));

        var refused = await browser.SubmitFormAsync("appeals/new", "appeal", new Dictionary<string, string>
        {
            ["Input.Title"] = "Backwards",
            ["Input.IssuedBy"] = "Someone",
            ["Input.Call"] = "Text",
            ["Input.StartsOn"] = "2026-02-01",
            ["Input.EndsOn"] = "2026-01-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("The end date can't be before the start date.", refused.MainText());
    }

    [Fact]
    public async Task Member_CannotStartASiteAppeal()
    {
        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("appeals/new")).Status);
        Assert.DoesNotContain("New appeal", (await member.OpenAsync("appeals")).MainText());
    }
}
