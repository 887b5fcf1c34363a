using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members;

namespace CollabHub.IntegrationTests.Admin;

public sealed class AdminAccessTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    public static readonly TheoryData<string> AdminPaths = ["/admin", "/admin/users", "/admin/users/some-id", "/admin/audit", "/admin/audit/export.csv"];

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task AdminPage_Anonymous_RedirectsToSignIn(string path)
    {
        using var anonymous = new TestBrowser(fixture.App, followRedirects: false);

        var page = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/Login", page.RedirectLocation!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task AdminPage_MemberOrModerator_IsDeniedAccess(string path)
    {
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Moderator", SiteRoles.Member, SiteRoles.Moderator);
        using var session = await fixture.SignInAsync(moderator);

        var page = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/AccessDenied", page.RedirectLocation!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminHome_Administrator_LinksMembersAuditLogAndEmailOutbox()
    {
        var admin = await TestAccounts.CreateAsync(fixture.App, "Admin", SiteRoles.Administrator);
        using var session = await fixture.SignInAsync(admin);

        var page = await session.GetAsync("/admin");
        var html = page.Html;

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Matches("<h1[^>]*>Administration</h1>", html);
        Assert.Contains("href=\"admin/users\"", html);
        Assert.Contains("href=\"admin/audit\"", html);
        Assert.Contains("href=\"admin/email\"", html);
        // Each section is a tile alike (Settings stood bare under the others).
        var tiles = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll(".card-grid > li");
        Assert.Equal(["Members", "Audit log", "E-mail outbox", "Settings"], tiles.Select(t => t.QuerySelector("h2")!.TextContent.Trim()));
        Assert.All(tiles, t => Assert.Contains("panel", t.ClassList));
    }

    [Fact]
    public async Task SiteNav_ShowsAdminLinkToAdministratorsOnly()
    {
        var admin = await TestAccounts.CreateAsync(fixture.App, "Admin", SiteRoles.Administrator);
        var member = await TestAccounts.CreateAsync(fixture.App, "Member", SiteRoles.Member);
        using var adminSession = await fixture.SignInAsync(admin);
        using var memberSession = await fixture.SignInAsync(member);

        var adminHome = (await adminSession.OpenAsync("/")).Html;
        var memberHome = (await memberSession.OpenAsync("/")).Html;

        Assert.Contains("href=\"admin\"", adminHome);
        Assert.DoesNotContain("href=\"admin\"", memberHome);
    }
}
