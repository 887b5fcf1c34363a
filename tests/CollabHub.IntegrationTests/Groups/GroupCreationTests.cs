using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.TestSupport;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>Starting a group from /groups/new: what a member sees, and what the database keeps.</summary>
public sealed class GroupCreationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Create_ThroughThePage_OpensTheNewGroupWithItsCreatorAsOwner()
    {
        var creator = await TestAccounts.CreateAsync(fixture.App, "Founder");
        using var browser = await SignedInAsync(creator);
        var name = $"Evaluation Practitioners {Guid.NewGuid():N}"[..40];

        var page = await CreateAsync(browser, name, topics: "Evaluation, #Field Experiments");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var slug = GroupSlugs.Suggest(name);
        Assert.Equal($"/groups/{slug}", page.Url.AbsolutePath);
        var document = page.Document;
        Assert.Equal(name, document.QuerySelector("h1.group-header__name")!.TextContent);
        Assert.Contains("Your group is ready.", document.QuerySelector(".alert-success")!.TextContent);
        Assert.Contains("You are an owner of this group.", document.QuerySelector(".group-actions")!.TextContent);
        Assert.Equal(["evaluation", "field experiments"], document.QuerySelectorAll(".group-about__facts .tag-list a").Select(a => a.TextContent));
        Assert.Equal("We compare evaluation designs.", document.QuerySelector(".group-about__description p")!.TextContent);
        var group = await GroupTestData.GroupAsync(fixture.App, slug);
        Assert.Equal(1, group.MemberCount);
        Assert.Equal(GroupRole.Owner, await GroupTestData.RoleAsync(fixture.App, slug, creator));
    }

    [Fact]
    public async Task Create_WithATakenAddress_SuggestsAFreeOne_AndCreatesNothing()
    {
        var creator = await TestAccounts.CreateAsync(fixture.App, "Second");
        using var browser = await SignedInAsync(creator);
        var slug = $"data-{Guid.NewGuid():N}"[..20];
        await CreateAsync(browser, "The first data group", slug: slug);

        var page = await CreateAsync(browser, "The second data group", slug: slug);

        Assert.EndsWith("/groups/new", page.Url.AbsolutePath);
        Assert.Contains($"That address is taken: try {slug}-2.", page.MainText());
        Assert.Equal(0, await GroupTestData.QueryAsync(fixture.App, db => db.Groups.CountAsync(g => g.Name == "The second data group")));
    }

    [Theory]
    [InlineData("", "Give the group a name.")]
    [InlineData("x", "The name needs 3 to 120 characters; it has 1.")]
    public async Task Create_EmptyOrShortName_ShowsTheLimit_AndCreatesNothing(string name, string message)
    {
        var creator = await TestAccounts.CreateAsync(fixture.App, "Hasty");
        using var browser = await SignedInAsync(creator);

        var page = await CreateAsync(browser, name, summary: $"Summary {creator.Id}");

        Assert.Contains(message, page.MainText());
        Assert.Equal(0, await GroupTestData.QueryAsync(fixture.App, db => db.Groups.CountAsync(g => g.Summary == $"Summary {creator.Id}")));
    }

    [Fact]
    public async Task Create_OversizedName_IsStoppedByTheServiceEvenIfTheBrowserLimitIsBypassed()
    {
        var creator = await TestAccounts.CreateAsync(fixture.App, "Verbose");
        using var browser = await SignedInAsync(creator);

        var page = await CreateAsync(browser, new string('n', Group.NameMaxLength + 5));

        Assert.Contains($"The name needs 3 to 120 characters; it has {Group.NameMaxLength + 5}.", page.MainText());
    }

    [Fact]
    public async Task Create_WhenOnlyModeratorsMay_RefusesAMember_AndLetsAModeratorCreate()
    {
        var admin = await TestAccounts.CreateAsync(fixture.App, "Admin", SiteRoles.Administrator);
        var member = await TestAccounts.CreateAsync(fixture.App, "Member");
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Moderator", SiteRoles.Moderator);
        using var adminBrowser = await SignedInAsync(admin);
        using var memberBrowser = await SignedInAsync(member);
        var openedBefore = await memberBrowser.GetAsync("groups/new");
        var saved = await adminBrowser.SubmitFormAsync("admin/settings", "group-creation", new Dictionary<string, string> { ["GroupCreation"] = "ModeratorsOnly" });
        Assert.Contains("Saved: site moderators and administrators only may create groups.", saved.MainText());
        try
        {
            var stale = await memberBrowser.SubmitFormAsync(openedBefore, "group", new Dictionary<string, string>
            {
                ["Input.Name"] = "Sneaky group",
                ["Input.Summary"] = "s",
                ["Input.Description"] = "d",
            });
            Assert.Equal(HttpStatusCode.Forbidden, stale.Status);
            Assert.Contains("only site moderators can create groups", stale.MainText());

            var refused = await memberBrowser.GetAsync("groups/new");
            Assert.Contains("only site moderators can create groups", refused.MainText());
            Assert.DoesNotContain("Create group", refused.MainText());
            var direct = await GroupTestData.UseAsync<GroupService, GroupSaveResult>(fixture.App, groups =>
                groups.CreateAsync(GroupTestData.Viewer(member), new GroupForm { Name = "Sneaky group", Summary = "s", Description = "d" }, null));
            Assert.False(direct.Succeeded);
            Assert.Contains("only site moderators", direct.Errors[GroupSaveResult.FormField]);

            using var moderatorBrowser = await SignedInAsync(moderator);
            var created = await CreateAsync(moderatorBrowser, $"Moderated {Guid.NewGuid():N}"[..30]);
            Assert.Contains("Your group is ready.", created.MainText());
        }
        finally
        {
            await adminBrowser.SubmitFormAsync("admin/settings", "group-creation", new Dictionary<string, string> { ["GroupCreation"] = "AllMembers" });
        }

        Assert.Equal(0, await GroupTestData.QueryAsync(fixture.App, db => db.Groups.CountAsync(g => g.Name == "Sneaky group")));
        Assert.True(await GroupTestData.QueryAsync(fixture.App, db => db.AuditLog.AnyAsync(e => e.Action == "setting.change" && e.ActorUserId == admin.Id)));
    }

    [Fact]
    public async Task Create_WithACoverPhoto_ServesIt1200By400AsWebPWithAnETag()
    {
        var creator = await TestAccounts.CreateAsync(fixture.App, "Photographer");
        using var browser = await SignedInAsync(creator);
        var photo = TestImages.WithExif(TestImages.Solid(1800, 1200, SKColors.Teal, SKEncodedImageFormat.Jpeg), orientation: 1);

        var page = await CreateAsync(browser, $"Covered {Guid.NewGuid():N}"[..30], cover: new FileUpload("Cover", "lake.jpg", "image/jpeg", photo));

        var src = page.Document.QuerySelector("img.group-header__cover")?.GetAttribute("src");
        Assert.NotNull(src);
        using var response = await browser.Client.GetAsync("/" + src, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
        Assert.False(TestImages.Contains(bytes, TestImages.ExifMarker));
        using (var codec = SKCodec.Create(SKData.CreateCopy(bytes)))
        {
            Assert.Equal(new SKSizeI(1200, 400), codec.Info.Size);
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, "/" + src);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await browser.Client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Create_WithATextFileAsCover_ShowsWhy_AndCreatesNothing()
    {
        var creator = await TestAccounts.CreateAsync(fixture.App, "Careless");
        using var browser = await SignedInAsync(creator);
        var name = $"Uncovered {Guid.NewGuid():N}"[..30];

        var page = await CreateAsync(browser, name, cover: new FileUpload("Cover", "cover.png", "image/png", "just some words"u8.ToArray()));

        Assert.Contains("That file is not a PNG, JPEG or WebP image.", page.MainText());
        Assert.Equal(0, await GroupTestData.QueryAsync(fixture.App, db => db.Groups.CountAsync(g => g.Name == name)));
    }

    private Task<TestBrowser> SignedInAsync(ApplicationUser user) => TestAccounts.SignInAsync(fixture.App, user);

    private static async Task<HtmlPage> CreateAsync(
        TestBrowser browser, string name, string slug = "", string topics = "", string summary = "Practitioners compare notes.", FileUpload? cover = null)
    {
        var form = await browser.GetAsync("groups/new");
        return await browser.SubmitFormAsync(form, "group", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Slug"] = slug,
            ["Input.Summary"] = summary,
            ["Input.Description"] = "We compare evaluation designs.",
            ["Input.Topics"] = topics,
            ["Input.Visibility"] = "Public",
            ["Input.JoinPolicy"] = "Open",
        }, cover is null ? null : [cover]);
    }
}
