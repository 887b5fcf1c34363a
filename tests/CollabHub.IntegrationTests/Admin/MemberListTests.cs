using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;

namespace CollabHub.IntegrationTests.Admin;

public sealed class MemberListTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task UsersPage_SearchAndFilter_ListOnlyMatchingMembersWithTheirLastSignIn()
    {
        var (admin, session) = await fixture.SignedInAdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var zoe = await TestAccounts.CreateAsync(App, new NewAccount($"zoe-{tag}") { Email = $"zoe-{tag}@example.org", Roles = [SiteRoles.Member] });
        var yann = await TestAccounts.CreateAsync(App, new NewAccount($"yann-{tag}") { Email = $"yann-{tag}@example.org", Roles = [SiteRoles.Member] });
        await fixture.AsAsync(admin, (s, p, ct) => s.SuspendAsync(p, yann.Id, "Spam.", ct));
        (await fixture.SignInAsync(zoe)).Dispose();

        var byName = (await session.OpenAsync($"/admin/users?q=ZOE-{tag}")).Html;
        var bothByTag = (await session.OpenAsync($"/admin/users?q={tag}")).Html;
        var suspended = (await session.OpenAsync($"/admin/users?q={tag}&filter=suspended")).Html;
        var zoePage = (await session.OpenAsync($"/admin/users/{zoe.Id}")).Html;
        var yannPage = (await session.OpenAsync($"/admin/users/{yann.Id}")).Html;

        Assert.Contains(zoe.Email!, byName);
        Assert.DoesNotContain(yann.Email!, byName);
        Assert.Contains("2 members", bothByTag);
        Assert.Contains(yann.Email!, suspended);
        Assert.DoesNotContain(zoe.Email!, suspended);
        Assert.Matches("Last sign-in</dt>\\s*<dd[^>]*><time", zoePage);
        Assert.Matches("Last sign-in</dt>\\s*<dd[^>]*>Never", yannPage);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/admin/users/no-such-account")).Status);
    }

    [Fact]
    public async Task ResendConfirmation_UnconfirmedMember_MailsAWorkingLinkOnThePublicAddress()
    {
        var (admin, session) = await fixture.SignedInAdminAsync();
        var member = await TestAccounts.CreateAsync(App, new NewAccount("Newbie") { EmailConfirmed = false, Roles = [SiteRoles.Member] });

        var page = await session.FollowAsync(await session.SubmitFormAsync($"/admin/users/{member.Id}", "resend-confirmation"));

        Assert.Contains($"A new confirmation link was sent to {member.Email}.", page.Html);
        var link = new Uri(WebUtility.HtmlDecode(Assert.Single(fixture.Mail.ConfirmationLinks, m => m.Email == member.Email).Link));
        Assert.StartsWith(AdminFixture.PublicBaseUrl + "Account/ConfirmEmail?userId=", link.AbsoluteUri, StringComparison.Ordinal);
        using var anonymous = new TestBrowser(App, followRedirects: false);
        Assert.Contains("Thank you for confirming your email.", (await anonymous.OpenAsync(link.PathAndQuery)).Html);
        Assert.Equal(
            (AuditActions.ConfirmationResend, admin.Id),
            (await fixture.AuditOfAsync(member)).Select(e => (e.Action, e.ActorUserId)).Single());

        Assert.DoesNotContain("Resend confirmation e-mail", (await session.OpenAsync($"/admin/users/{member.Id}")).Html);
        var again = await fixture.AsAsync(admin, (s, p, ct) => s.ResendConfirmationAsync(p, member.Id, ct));
        Assert.Equal(AdminOutcome.Refused($"{MemberDisplay.Of(member)} has already confirmed their e-mail address."), again);
    }
}
