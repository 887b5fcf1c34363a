using System.Net;
using System.Text.RegularExpressions;
using CollabHub.IntegrationTests.Email;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>Invitations by e-mail, over HTTP and the real SMTP test server: the link works once, for seven days, also for a newcomer.</summary>
public sealed partial class GroupInvitationTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    private const string Password = "Welcome-2-CollabHub!";

    [Fact]
    public async Task Invite_Newcomer_RegistersConfirmsSignsIn_AndJoinsTheHiddenGroupFromTheLink()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Organiser");
        var name = $"Week organisers {Guid.NewGuid():N}"[..32];
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Hidden, name: name);
        var email = $"newcomer-{Guid.NewGuid():N}@example.org";
        var link = await InviteAsync(owner, slug, email);

        using var browser = new TestBrowser(fixture.App);
        var invitation = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, invitation.Status);
        Assert.Contains(name, invitation.MainText());
        Assert.Contains("Organiser invited you to join", invitation.MainText());
        var register = invitation.Document.QuerySelector("main a[href^='Account/Register']")!.GetAttribute("href")!;

        var registered = await browser.SubmitFormAsync(register, "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nadia Newcomer",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        Assert.Contains("Check your inbox", registered.MainText());
        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(email).Any(m => (m.Subject ?? "").StartsWith("Confirm", StringComparison.Ordinal)), "the confirmation mail");
        var confirmation = fixture.Smtp.ReceivedBy(email).Single(m => (m.Subject ?? "").StartsWith("Confirm", StringComparison.Ordinal));
        var confirmed = await browser.GetAsync(new Uri(ConfirmLink().Match(confirmation.TextBody!).Value).PathAndQuery);
        Assert.Contains("Thank you for confirming your email.", confirmed.MainText());

        var signIn = confirmed.Document.QuerySelector("main a[href^='Account/Login']")!.GetAttribute("href")!;
        var back = await browser.SubmitFormAsync(signIn, "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(link.AbsolutePath, back.Url.AbsolutePath);

        var joined = await browser.PostActionAsync(back, $"{link.AbsolutePath.TrimStart('/')}/accept");

        Assert.Equal($"/groups/{slug}", joined.Url.AbsolutePath);
        Assert.Contains($"Welcome to {name}! You are now a member.", joined.StatusMessage());
        var newcomer = await GroupTestData.QueryAsync(fixture.App, db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(GroupRole.Member, await GroupTestData.RoleAsync(fixture.App, slug, newcomer));
        Assert.Equal(2, (await GroupTestData.GroupAsync(fixture.App, slug)).MemberCount);
    }

    [Fact]
    public async Task Invitation_WorksOnce_ThenTheLinkSaysItCantBeUsed()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Once");
        var first = await TestAccounts.CreateAsync(fixture.App, "First");
        var second = await TestAccounts.CreateAsync(fixture.App, "Second");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Invitation);
        var link = await InviteAsync(owner, slug, first.Email!);
        using var firstBrowser = await TestAccounts.SignInAsync(fixture.App, first);
        using var secondBrowser = await TestAccounts.SignInAsync(fixture.App, second);
        var secondsPage = await secondBrowser.GetAsync(link.PathAndQuery);

        await firstBrowser.PostActionAsync(await firstBrowser.GetAsync(link.PathAndQuery), $"{link.AbsolutePath.TrimStart('/')}/accept");
        var late = await secondBrowser.PostActionAsync(secondsPage, $"{link.AbsolutePath.TrimStart('/')}/accept");

        Assert.Equal(HttpStatusCode.Gone, late.Status);
        Assert.Contains("can't be used any more", late.MainText());
        Assert.Equal(GroupRole.Member, await GroupTestData.RoleAsync(fixture.App, slug, first));
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, second));
    }

    [Fact]
    public async Task Invitation_AfterSevenDays_CanNoLongerBeAccepted()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Slow");
        var invitee = await TestAccounts.CreateAsync(fixture.App, "Late");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Hidden);
        var link = await InviteAsync(owner, slug, invitee.Email!);
        using var browser = await TestAccounts.SignInAsync(fixture.App, invitee);
        var page = await browser.GetAsync(link.PathAndQuery);
        await GroupTestData.QueryAsync(fixture.App, db => db.GroupInvitations
            .Where(i => i.Email == invitee.Email!.ToLowerInvariant())
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.CreatedAt, DateTimeOffset.UtcNow.AddDays(-8))
                .SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1))));

        var accepted = await browser.PostActionAsync(page, $"{link.AbsolutePath.TrimStart('/')}/accept");

        Assert.Contains("can't be used any more", accepted.MainText());
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, invitee));
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(link.PathAndQuery)).Status);
    }

    [Fact]
    public async Task Invite_SomeoneAlreadyInTheGroup_SaysSo_AndQueuesNoMail()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Host");
        var member = await TestAccounts.CreateAsync(fixture.App, "Already");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        await GroupTestData.AddMemberAsync(fixture.App, slug, member);
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);

        var page = await browser.PostActionAsync(await browser.GetAsync($"groups/{slug}/members"), $"groups/{slug}/invitations",
            new Dictionary<string, string> { ["emails"] = member.Email!.ToUpperInvariant() });

        Assert.Equal($"Error: {member.Email!.ToLowerInvariant()} is already a member of this group.", page.StatusMessage());
        Assert.False(await GroupTestData.QueryAsync(fixture.App, db => db.OutboxEmails.AnyAsync(m => m.ToAddress == member.Email!.ToLowerInvariant() || m.ToAddress == member.Email)));
        Assert.False(await GroupTestData.QueryAsync(fixture.App, db => db.GroupInvitations.AnyAsync(i => i.Email == member.Email!.ToLowerInvariant())));
    }

    [Fact]
    public async Task Invitation_HeldByABannedMember_IsRefused()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Careful");
        var banned = await TestAccounts.CreateAsync(fixture.App, "Excluded");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        var link = await InviteAsync(owner, slug, banned.Email!);
        await GroupTestData.AddMemberAsync(fixture.App, slug, banned);
        var ban = await GroupTestData.UseAsync<GroupMembershipService, GroupOutcome>(fixture.App, s => s.BanAsync(GroupTestData.Viewer(owner), slug, banned.Id, "Harassment."));
        Assert.True(ban.Succeeded, ban.Message);
        using var browser = await TestAccounts.SignInAsync(fixture.App, banned);

        var page = await browser.GetAsync(link.PathAndQuery);
        var accept = await browser.PostActionAsync(page, "Account/Logout", postTo: $"{link.AbsolutePath.TrimStart('/')}/accept");

        Assert.Contains("banned you from this group", page.MainText());
        Assert.False(page.HasFormPostingTo($"{link.AbsolutePath.TrimStart('/')}/accept"));
        Assert.Contains("its moderators have banned you from it", accept.StatusMessage());
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, banned));
    }

    [Fact]
    public async Task Invitation_Withdrawn_StopsTheLink()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Rethink");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Invitation);
        var link = await InviteAsync(owner, slug, $"maybe-{Guid.NewGuid():N}@example.org");
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);
        var members = await browser.GetAsync($"groups/{slug}/members");
        var revoke = members.Document.QuerySelector("form[action$='/revoke']")!.GetAttribute("action")!;

        var revoked = await browser.PostActionAsync(members, revoke);

        Assert.Contains("its link no longer works", revoked.StatusMessage());
        using var anonymous = new TestBrowser(fixture.App);
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync(link.PathAndQuery)).Status);
    }

    [Fact]
    public async Task UnknownInvitationToken_IsNotFound()
    {
        using var anonymous = new TestBrowser(fixture.App);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("groups/invitations/not-a-real-token")).Status);
    }

    /// <summary>The owner invites through the Members tab; returns the link from the mail the SMTP server received.</summary>
    private async Task<Uri> InviteAsync(ApplicationUser owner, string slug, string email)
    {
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);
        var sent = await browser.PostActionAsync(await browser.GetAsync($"groups/{slug}/members"), $"groups/{slug}/invitations",
            new Dictionary<string, string> { ["emails"] = email });
        Assert.Equal($"Invitation sent to {email.ToLowerInvariant()}.", sent.StatusMessage());
        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(email).Any(m => (m.Subject ?? "").Contains("invited you", StringComparison.Ordinal)), $"the invitation to {email}");
        var mail = fixture.Smtp.ReceivedBy(email).Last(m => (m.Subject ?? "").Contains("invited you", StringComparison.Ordinal));
        return new Uri(InvitationLink().Match(mail.TextBody!).Value);
    }

    [GeneratedRegex(@"https://hub\.test/groups/invitations/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"http://localhost/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmLink();
}
