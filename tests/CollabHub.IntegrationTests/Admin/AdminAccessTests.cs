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
        using var anonymous = AdminTestSession.Anonymous(fixture.App);

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task AdminPage_MemberOrModerator_IsDeniedAccess(string path)
    {
        var password = AdminTestSession.NewPassword();
        var moderator = await AdminTestSession.CreateUserAsync(fixture.App, AdminTestSession.NewEmail("mod"), password, SiteRoles.Member, SiteRoles.Moderator);
        using var session = await AdminTestSession.SignInAsync(fixture.App, moderator.Email!, password);

        var response = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminHome_Administrator_LinksMembersAuditLogAndEmailOutbox()
    {
        var password = AdminTestSession.NewPassword();
        var admin = await AdminTestSession.CreateUserAsync(fixture.App, AdminTestSession.NewEmail("admin"), password, SiteRoles.Administrator);
        using var session = await AdminTestSession.SignInAsync(fixture.App, admin.Email!, password);

        var response = await session.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<h1[^>]*>Administration</h1>", html);
        Assert.Contains("href=\"admin/users\"", html);
        Assert.Contains("href=\"admin/audit\"", html);
        Assert.Contains("href=\"admin/email\"", html);
    }

    [Fact]
    public async Task SiteNav_ShowsAdminLinkToAdministratorsOnly()
    {
        var password = AdminTestSession.NewPassword();
        var admin = await AdminTestSession.CreateUserAsync(fixture.App, AdminTestSession.NewEmail("admin"), password, SiteRoles.Administrator);
        var member = await AdminTestSession.CreateUserAsync(fixture.App, AdminTestSession.NewEmail("member"), password, SiteRoles.Member);
        using var adminSession = await AdminTestSession.SignInAsync(fixture.App, admin.Email!, password);
        using var memberSession = await AdminTestSession.SignInAsync(fixture.App, member.Email!, password);

        var adminHome = await adminSession.GetStringAsync("/");
        var memberHome = await memberSession.GetStringAsync("/");

        Assert.Contains("href=\"admin\"", adminHome);
        Assert.DoesNotContain("href=\"admin\"", memberHome);
    }
}
