using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Admin;

public sealed class MemberAdministrationTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task SaveRoles_AdministratorAssignsModerator_RoleShowsAndIsAudited()
    {
        var (admin, session) = await SignedInAdminAsync();
        var member = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("amina"), AdminTestSession.NewPassword(), SiteRoles.Member);

        var page = await session.FollowAsync(await PostRolesAsync(session, member, SiteRoles.Member, SiteRoles.Moderator));

        Assert.Contains("updated: assigned Moderator.", page);
        Assert.Matches("<input[^>]*value=\"Moderator\"[^>]*checked", page);
        Assert.Matches("<input[^>]*value=\"Member\"[^>]*checked", page);
        Assert.DoesNotMatch("<input[^>]*value=\"Administrator\"[^>]*checked", page);
        var entry = Assert.Single(await AuditOfAsync(member));
        Assert.Equal((AuditActions.RoleAssign, admin.Id, "Moderator"), (entry.Action, entry.ActorUserId, entry.Details));
        var moderators = await session.GetStringAsync($"/admin/users?filter=moderators&q={Uri.EscapeDataString(member.Email!)}");
        Assert.Contains(member.Email!, moderators);
    }

    [Fact]
    public async Task SaveRoles_AdministratorRemovesOwnAdministratorRole_IsRefusedAndNothingChanges()
    {
        var (admin, session) = await SignedInAdminAsync();

        var page = await session.FollowAsync(await PostRolesAsync(session, admin, SiteRoles.Member));

        Assert.Contains("You can&#x27;t remove your own Administrator role.", page);
        Assert.Contains("alert-danger", page);
        Assert.True(await IsInRoleAsync(admin, SiteRoles.Administrator));
        Assert.False(await IsInRoleAsync(admin, SiteRoles.Member));
        Assert.Empty(await AuditOfAsync(admin));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task SetRoles_TwoAdministratorsDemoteEachOtherAtOnce_OneAdministratorRemains()
    {
        var first = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("ada"), null, SiteRoles.Administrator);
        var second = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("bo"), null, SiteRoles.Administrator);
        var firstPrincipal = await AdminTestSession.PrincipalAsync(App, first);
        var secondPrincipal = await AdminTestSession.PrincipalAsync(App, second);

        var outcomes = await Task.WhenAll(
            WithServiceAsync(s => s.SetRolesAsync(firstPrincipal, second.Id, [SiteRoles.Member], TestContext.Current.CancellationToken)),
            WithServiceAsync(s => s.SetRolesAsync(secondPrincipal, first.Id, [SiteRoles.Member], TestContext.Current.CancellationToken)));

        Assert.Single(outcomes, o => o.Succeeded);
        var refused = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal("Only administrators can do that.", refused.Message);
        Assert.NotEqual(await IsInRoleAsync(first, SiteRoles.Administrator), await IsInRoleAsync(second, SiteRoles.Administrator));
    }

    [Fact]
    public async Task Suspend_SignedInMember_EndsTheirSessionBlocksSignInAndIsAudited()
    {
        var (admin, adminSession) = await SignedInAdminAsync();
        var password = AdminTestSession.NewPassword();
        var member = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("sam"), password, SiteRoles.Member);
        using var memberSession = await AdminTestSession.SignInAsync(App, member.Email!, password);
        Assert.Equal(HttpStatusCode.OK, (await memberSession.GetAsync("/Account/Manage")).StatusCode);

        var page = await adminSession.FollowAsync(await adminSession.PostFormAsync(
            $"/admin/users/{member.Id}", "suspend", new() { ["Suspension.Reason"] = "Posted spam in three groups." }));

        Assert.Contains("is suspended and signed out everywhere.", page);
        Assert.Contains("Posted spam in three groups.", page);
        Assert.Contains(">Suspended<", page);

        // The old cookie no longer counts: the security stamp it carries is stale.
        var afterwards = await memberSession.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Account/Login", afterwards.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var retry = AdminTestSession.Anonymous(App);
        var signIn = await retry.TrySignInAsync(member.Email!, password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.False(retry.HasAuthCookie);
        Assert.Contains("alert-danger", await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(await WithServiceAsync(s => s.IsSuspendedAsync(member.Email!.ToUpperInvariant(), TestContext.Current.CancellationToken)));

        var entry = Assert.Single(await AuditOfAsync(member));
        Assert.Equal((AuditActions.MemberSuspend, admin.Id, "Posted spam in three groups."), (entry.Action, entry.ActorUserId, entry.Details));
    }

    [Fact]
    public async Task Reinstate_SuspendedMember_CanSignInAgain()
    {
        var (admin, adminSession) = await SignedInAdminAsync();
        var password = AdminTestSession.NewPassword();
        var member = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("rui"), password, SiteRoles.Member);
        var adminPrincipal = await AdminTestSession.PrincipalAsync(App, admin);
        Assert.True((await WithServiceAsync(s => s.SuspendAsync(adminPrincipal, member.Id, "Cooling-off period.", TestContext.Current.CancellationToken))).Succeeded);

        var page = await adminSession.FollowAsync(await adminSession.PostFormAsync($"/admin/users/{member.Id}", "reinstate", []));

        Assert.Contains("is reinstated and can sign in again.", page);
        using var memberSession = await AdminTestSession.SignInAsync(App, member.Email!, password);
        Assert.Equal(HttpStatusCode.OK, (await memberSession.GetAsync("/Account/Manage")).StatusCode);
        Assert.False(await WithServiceAsync(s => s.IsSuspendedAsync(member.Email!, TestContext.Current.CancellationToken)));
        Assert.Equal([AuditActions.MemberReinstate, AuditActions.MemberSuspend], (await AuditOfAsync(member)).Select(e => e.Action));
    }

    [Fact]
    public async Task Suspend_WithoutReason_ShowsValidationAndChangesNothing()
    {
        var (_, session) = await SignedInAdminAsync();
        var member = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("noreason"), null, SiteRoles.Member);

        var response = await session.PostFormAsync($"/admin/users/{member.Id}", "suspend", new() { ["Suspension.Reason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give a reason for the suspension.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(await WithServiceAsync(s => s.IsSuspendedAsync(member.Email!, TestContext.Current.CancellationToken)));
        Assert.Empty(await AuditOfAsync(member));
    }

    [Fact]
    public async Task Suspend_OwnAccount_IsRefused()
    {
        var (admin, session) = await SignedInAdminAsync();
        var principal = await AdminTestSession.PrincipalAsync(App, admin);

        var outcome = await WithServiceAsync(s => s.SuspendAsync(principal, admin.Id, "Testing myself.", TestContext.Current.CancellationToken));

        Assert.Equal(AdminOutcome.Refused("You can't suspend your own account."), outcome);
        Assert.Contains("You can&#x27;t suspend your own account.", await session.GetStringAsync($"/admin/users/{admin.Id}"));
        Assert.Empty(await AuditOfAsync(admin));
    }

    [Fact]
    public async Task Suspend_ByMemberWhoIsNotAdministrator_IsRefusedInTheService()
    {
        var member = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("eve"), null, SiteRoles.Member, SiteRoles.Moderator);
        var victim = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("victim"), null, SiteRoles.Member);
        var principal = await AdminTestSession.PrincipalAsync(App, member);

        var outcome = await WithServiceAsync(s => s.SuspendAsync(principal, victim.Id, "Because I can.", TestContext.Current.CancellationToken));

        Assert.False(outcome.Succeeded);
        Assert.False(await WithServiceAsync(s => s.IsSuspendedAsync(victim.Email!, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ResendConfirmation_UnconfirmedMember_MailsAWorkingLinkOnThePublicAddress()
    {
        var (admin, session) = await SignedInAdminAsync();
        var member = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("newbie"), AdminTestSession.NewPassword(), SiteRoles.Member);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(member.Id))!;
            stored.EmailConfirmed = false;
            Assert.True((await users.UpdateAsync(stored)).Succeeded);
        }

        var page = await session.FollowAsync(await session.PostFormAsync($"/admin/users/{member.Id}", "resend-confirmation", []));

        Assert.Contains($"A new confirmation link was sent to {member.Email}.", page);
        var link = new Uri(WebUtility.HtmlDecode(Assert.Single(fixture.Mail.ConfirmationLinks, m => m.Email == member.Email).Link));
        Assert.StartsWith(AdminFixture.PublicBaseUrl + "Account/ConfirmEmail?userId=", link.AbsoluteUri, StringComparison.Ordinal);
        using var anonymous = AdminTestSession.Anonymous(App);
        Assert.Contains("Thank you for confirming your email.", await anonymous.GetStringAsync(link.PathAndQuery));
        Assert.Equal(
            (AuditActions.ConfirmationResend, admin.Id),
            (await AuditOfAsync(member)).Select(e => (e.Action, e.ActorUserId)).Single());

        Assert.DoesNotContain("Resend confirmation e-mail", await session.GetStringAsync($"/admin/users/{member.Id}"));
        var principal = await AdminTestSession.PrincipalAsync(App, admin);
        var second = await WithServiceAsync(s => s.ResendConfirmationAsync(principal, member.Id, TestContext.Current.CancellationToken));
        Assert.Equal(AdminOutcome.Refused($"{MemberDisplay.Of(member)} has already confirmed their e-mail address."), second);
    }

    [Fact]
    public async Task UsersPage_SearchAndFilter_ListOnlyMatchingMembers()
    {
        var (_, session) = await SignedInAdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var zoePassword = AdminTestSession.NewPassword();
        var zoe = await AdminTestSession.CreateUserAsync(App, $"zoe-{tag}@example.org", zoePassword, SiteRoles.Member);
        var yann = await AdminTestSession.CreateUserAsync(App, $"yann-{tag}@example.org", null, SiteRoles.Member);
        var principal = await AdminTestSession.PrincipalAsync(App, await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("boss"), null, SiteRoles.Administrator));
        await WithServiceAsync(s => s.SuspendAsync(principal, yann.Id, "Spam.", TestContext.Current.CancellationToken));
        (await AdminTestSession.SignInAsync(App, zoe.Email!, zoePassword)).Dispose();

        var byName = await session.GetStringAsync($"/admin/users?q=ZOE-{tag}");
        var bothByTag = await session.GetStringAsync($"/admin/users?q={tag}");
        var suspended = await session.GetStringAsync($"/admin/users?q={tag}&filter=suspended");
        var zoePage = await session.GetStringAsync($"/admin/users/{zoe.Id}");

        Assert.Contains(zoe.Email!, byName);
        Assert.DoesNotContain(yann.Email!, byName);
        Assert.Contains("2 members", bothByTag);
        Assert.Contains(yann.Email!, suspended);
        Assert.DoesNotContain(zoe.Email!, suspended);
        Assert.Contains("UTC</time>", zoePage[zoePage.IndexOf("Last sign-in", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/admin/users/no-such-account")).StatusCode);
    }

    private async Task<(ApplicationUser Admin, AdminTestSession Session)> SignedInAdminAsync()
    {
        var password = AdminTestSession.NewPassword();
        var admin = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("admin"), password, SiteRoles.Administrator);
        return (admin, await AdminTestSession.SignInAsync(App, admin.Email!, password));
    }

    private static Task<HttpResponseMessage> PostRolesAsync(AdminTestSession session, ApplicationUser member, params string[] roles) =>
        session.PostFormAsync($"/admin/users/{member.Id}", "roles", [], roles.Select(r => new KeyValuePair<string, string>("SelectedRoles", r)));

    private async Task<T> WithServiceAsync<T>(Func<MemberAdministrationService, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<MemberAdministrationService>());
    }

    private async Task<bool> IsInRoleAsync(ApplicationUser user, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(user.Id))!, role);
    }

    private async Task<List<AuditEntry>> AuditOfAsync(ApplicationUser subject)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.AuditLog.Where(e => e.SubjectUserId == subject.Id).OrderByDescending(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }
}
