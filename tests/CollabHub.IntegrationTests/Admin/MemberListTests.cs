using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Admin;

public sealed class MemberListTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task UsersPage_SearchAndFilter_ListOnlyMatchingMembersWithTheirLastSignIn()
    {
        var (admin, session) = await fixture.SignedInAdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var zoePassword = AdminTestSession.NewPassword();
        var zoe = await AdminTestSession.CreateUserAsync(App, $"zoe-{tag}@example.org", zoePassword, SiteRoles.Member);
        var yann = await AdminTestSession.CreateUserAsync(App, $"yann-{tag}@example.org", null, SiteRoles.Member);
        await fixture.AsAsync(admin, (s, p, ct) => s.SuspendAsync(p, yann.Id, "Spam.", ct));
        (await AdminTestSession.SignInAsync(App, zoe.Email!, zoePassword)).Dispose();

        var byName = await session.GetStringAsync($"/admin/users?q=ZOE-{tag}");
        var bothByTag = await session.GetStringAsync($"/admin/users?q={tag}");
        var suspended = await session.GetStringAsync($"/admin/users?q={tag}&filter=suspended");
        var zoePage = await session.GetStringAsync($"/admin/users/{zoe.Id}");
        var yannPage = await session.GetStringAsync($"/admin/users/{yann.Id}");

        Assert.Contains(zoe.Email!, byName);
        Assert.DoesNotContain(yann.Email!, byName);
        Assert.Contains("2 members", bothByTag);
        Assert.Contains(yann.Email!, suspended);
        Assert.DoesNotContain(zoe.Email!, suspended);
        Assert.Matches("Last sign-in</dt>\\s*<dd[^>]*><time", zoePage);
        Assert.Matches("Last sign-in</dt>\\s*<dd[^>]*>Never", yannPage);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/admin/users/no-such-account")).StatusCode);
    }

    [Fact]
    public async Task ResendConfirmation_UnconfirmedMember_MailsAWorkingLinkOnThePublicAddress()
    {
        var (admin, session) = await fixture.SignedInAdminAsync();
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
            (await fixture.AuditOfAsync(member)).Select(e => (e.Action, e.ActorUserId)).Single());

        Assert.DoesNotContain("Resend confirmation e-mail", await session.GetStringAsync($"/admin/users/{member.Id}"));
        var again = await fixture.AsAsync(admin, (s, p, ct) => s.ResendConfirmationAsync(p, member.Id, ct));
        Assert.Equal(AdminOutcome.Refused($"{MemberDisplay.Of(member)} has already confirmed their e-mail address."), again);
    }
}
