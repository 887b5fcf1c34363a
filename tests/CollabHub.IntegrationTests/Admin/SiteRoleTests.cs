using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;

namespace CollabHub.IntegrationTests.Admin;

public sealed class SiteRoleTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task SaveRoles_AdministratorAssignsModerator_RoleShowsAndIsAudited()
    {
        var (admin, session) = await fixture.SignedInAdminAsync();
        var member = await TestAccounts.CreateAsync(fixture.App, "Amina", SiteRoles.Member);

        var page = await session.FollowAsync(await SaveRolesAsync(session, member, SiteRoles.Member, SiteRoles.Moderator));

        Assert.Contains("updated: assigned Moderator.", page.Html);
        Assert.Matches("<input[^>]*value=\"Moderator\"[^>]*checked", page.Html);
        Assert.Matches("<input[^>]*value=\"Member\"[^>]*checked", page.Html);
        Assert.DoesNotMatch("<input[^>]*value=\"Administrator\"[^>]*checked", page.Html);
        var entry = Assert.Single(await fixture.AuditOfAsync(member));
        Assert.Equal((AuditActions.RoleAssign, admin.Id, "Moderator"), (entry.Action, entry.ActorUserId, entry.Details));
        var moderators = (await session.OpenAsync($"/admin/users?filter=moderators&q={Uri.EscapeDataString(member.Email!)}")).Html;
        Assert.Contains(member.Email!, moderators);
    }

    [Fact]
    public async Task SaveRoles_AdministratorRemovesOwnAdministratorRole_IsRefusedAndNothingChanges()
    {
        var (admin, session) = await fixture.SignedInAdminAsync();

        var page = await session.FollowAsync(await SaveRolesAsync(session, admin, SiteRoles.Member));

        Assert.Contains("You can&#x27;t remove your own Administrator role.", page.Html);
        Assert.Contains("alert-danger", page.Html);
        Assert.True(await fixture.IsInRoleAsync(admin, SiteRoles.Administrator));
        Assert.False(await fixture.IsInRoleAsync(admin, SiteRoles.Member));
        Assert.Empty(await fixture.AuditOfAsync(admin));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task SetRoles_TwoAdministratorsDemoteEachOtherAtOnce_OneAdministratorRemains()
    {
        var first = await TestAccounts.CreateAsync(fixture.App, "Ada", SiteRoles.Administrator);
        var second = await TestAccounts.CreateAsync(fixture.App, "Bo", SiteRoles.Administrator);

        var outcomes = await Task.WhenAll(
            fixture.AsAsync(first, (s, p, ct) => s.SetRolesAsync(p, second.Id, [SiteRoles.Member], ct)),
            fixture.AsAsync(second, (s, p, ct) => s.SetRolesAsync(p, first.Id, [SiteRoles.Member], ct)));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Equal("Only administrators can do that.", Assert.Single(outcomes, o => !o.Succeeded).Message);
        Assert.NotEqual(await fixture.IsInRoleAsync(first, SiteRoles.Administrator), await fixture.IsInRoleAsync(second, SiteRoles.Administrator));
    }

    [Fact]
    public async Task SetRoles_UnknownRole_IsRefused()
    {
        var admin = await TestAccounts.CreateAsync(fixture.App, "Admin", SiteRoles.Administrator);
        var member = await TestAccounts.CreateAsync(fixture.App, "Member", SiteRoles.Member);

        var outcome = await fixture.AsAsync(admin, (s, p, ct) => s.SetRolesAsync(p, member.Id, [SiteRoles.Member, "Superuser"], ct));

        Assert.Equal("There is no site role called Superuser.", outcome.Message);
        Assert.Empty(await fixture.AuditOfAsync(member));
    }

    /// <summary>Ticks exactly <paramref name="roles"/> in the member's roles form and saves it.</summary>
    private static Task<HtmlPage> SaveRolesAsync(TestBrowser session, ApplicationUser member, params string[] roles) =>
        session.SubmitFormAsync($"/admin/users/{member.Id}", "roles", roles.Select(r => new KeyValuePair<string, string>("SelectedRoles", r)));
}
