using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;

namespace CollabHub.IntegrationTests.Admin;

public sealed class SuspensionTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task Suspend_SignedInMember_EndsTheirSessionBlocksSignInAndIsAudited()
    {
        var (admin, adminSession) = await fixture.SignedInAdminAsync();
        var member = await TestAccounts.CreateAsync(App, "Sam", SiteRoles.Member);
        using var memberSession = await fixture.SignInAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await memberSession.GetAsync("/Account/Manage")).Status);

        var page = await adminSession.FollowAsync(await adminSession.SubmitFormAsync(
            $"/admin/users/{member.Id}", "suspend", new Dictionary<string, string> { ["Suspension.Reason"] = "Posted spam in three groups." }));

        Assert.Contains("is suspended: they can&#x27;t sign in", page.Html);
        Assert.Contains("Posted spam in three groups.", page.Html);
        Assert.Contains(">Suspended<", page.Html);

        // The old cookie no longer counts: the security stamp it carries is stale.
        var afterwards = await memberSession.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.Status);
        Assert.StartsWith("/Account/Login", afterwards.RedirectLocation!.PathAndQuery, StringComparison.Ordinal);

        using var retry = new TestBrowser(App, followRedirects: false);
        var signIn = await retry.TrySignInAsync(member.Email!, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.False(retry.HasAuthCookie);
        Assert.Contains("This account is suspended.", signIn.Html);
        Assert.True(await fixture.IsSuspendedAsync(member));

        // Only someone who knows the password learns why: a wrong one gets the same answer as any failure.
        var guess = await retry.TrySignInAsync(member.Email!, "a wrong password guess");
        Assert.DoesNotContain("suspended", guess.Html);

        var entry = Assert.Single(await fixture.AuditOfAsync(member));
        Assert.Equal((AuditActions.MemberSuspend, admin.Id, "Posted spam in three groups."), (entry.Action, entry.ActorUserId, entry.Details));
    }

    [Fact]
    public async Task Reinstate_SuspendedMember_CanSignInAgain()
    {
        var (admin, adminSession) = await fixture.SignedInAdminAsync();
        var member = await TestAccounts.CreateAsync(App, "Rui", SiteRoles.Member);
        Assert.True((await fixture.AsAsync(admin, (s, p, ct) => s.SuspendAsync(p, member.Id, "Cooling-off period.", ct))).Succeeded);

        var page = await adminSession.FollowAsync(await adminSession.SubmitFormAsync($"/admin/users/{member.Id}", "reinstate"));

        Assert.Contains("is reinstated and can sign in again.", page.Html);
        using var memberSession = await fixture.SignInAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await memberSession.GetAsync("/Account/Manage")).Status);
        Assert.False(await fixture.IsSuspendedAsync(member));
        Assert.Equal([AuditActions.MemberReinstate, AuditActions.MemberSuspend], (await fixture.AuditOfAsync(member)).Select(e => e.Action));
    }

    [Fact]
    public async Task Suspend_WithoutReason_ShowsValidationAndChangesNothing()
    {
        var (_, session) = await fixture.SignedInAdminAsync();
        var member = await TestAccounts.CreateAsync(App, "No Reason", SiteRoles.Member);

        var page = await session.SubmitFormAsync($"/admin/users/{member.Id}", "suspend", new Dictionary<string, string> { ["Suspension.Reason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Give a reason for the suspension.", page.Html);
        Assert.False(await fixture.IsSuspendedAsync(member));
        Assert.Empty(await fixture.AuditOfAsync(member));
    }

    [Fact]
    public async Task Suspend_OwnAccount_IsRefused()
    {
        var (admin, session) = await fixture.SignedInAdminAsync();

        var outcome = await fixture.AsAsync(admin, (s, p, ct) => s.SuspendAsync(p, admin.Id, "Testing myself.", ct));

        Assert.Equal(AdminOutcome.Refused("You can't suspend your own account."), outcome);
        Assert.Contains("You can&#x27;t suspend your own account.", (await session.OpenAsync($"/admin/users/{admin.Id}")).Html);
        Assert.Empty(await fixture.AuditOfAsync(admin));
    }

    [Fact]
    public async Task Suspend_ByModeratorWhoIsNotAdministrator_IsRefusedInTheService()
    {
        var moderator = await TestAccounts.CreateAsync(App, "Eve", SiteRoles.Member, SiteRoles.Moderator);
        var victim = await TestAccounts.CreateAsync(App, "Victim", SiteRoles.Member);

        var outcome = await fixture.AsAsync(moderator, (s, p, ct) => s.SuspendAsync(p, victim.Id, "Because I can.", ct));

        Assert.Equal(AdminOutcome.Refused("Only administrators can do that."), outcome);
        Assert.False(await fixture.IsSuspendedAsync(victim));
    }
}
