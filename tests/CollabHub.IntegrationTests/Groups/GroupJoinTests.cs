using System.Text.Json;
using CollabHub.IntegrationTests.Email;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>Joining as a member does it: one click, or a request the moderators answer (by mail), and bans.</summary>
public sealed class GroupJoinTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    [Fact]
    public async Task OpenGroup_JoinButton_MakesAMemberAtOnce()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Opener");
        var joiner = await TestAccounts.CreateAsync(fixture.App, "Joiner");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        using var browser = await TestAccounts.SignInAsync(fixture.App, joiner);

        var page = await browser.PostActionAsync(await browser.GetAsync($"groups/{slug}"), $"groups/{slug}/join");

        Assert.Contains("You are now a member.", page.MainText());
        Assert.Contains("You are a member of this group.", page.MainText());
        Assert.Equal(GroupRole.Member, await GroupTestData.RoleAsync(fixture.App, slug, joiner));
        Assert.Equal(2, (await GroupTestData.GroupAsync(fixture.App, slug)).MemberCount);
    }

    [Fact]
    public async Task RequestThenApprove_RequesterIsMailedAndBecomesAMember()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Gatekeeper");
        var requester = await TestAccounts.CreateAsync(fixture.App, "Hopeful");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Request, name: $"Focal points {Guid.NewGuid():N}"[..30]);
        using var requesterBrowser = await TestAccounts.SignInAsync(fixture.App, requester);
        using var ownerBrowser = await TestAccounts.SignInAsync(fixture.App, owner);

        var asked = await requesterBrowser.PostActionAsync(
            await requesterBrowser.GetAsync($"groups/{slug}"), $"groups/{slug}/requests",
            new Dictionary<string, string> { ["message"] = "I am my office's data protection focal point." });
        Assert.Contains("Your request has been sent to the group's moderators.", asked.MainText());
        Assert.Contains("Withdraw request", asked.MainText());

        var members = await ownerBrowser.GetAsync($"groups/{slug}/members");
        var request = members.Document.QuerySelector(".moderation__item")!;
        Assert.Contains("Hopeful", request.TextContent);
        Assert.Contains("I am my office's data protection focal point.", request.TextContent);
        var approveAction = request.QuerySelector("form[action$='/approve']")!.GetAttribute("action")!;

        var approved = await ownerBrowser.PostActionAsync(members, approveAction);

        Assert.Contains("Hopeful is now a member.", approved.MainText());
        Assert.Contains("No one is waiting for an answer.", approved.MainText());
        Assert.Equal(GroupRole.Member, await GroupTestData.RoleAsync(fixture.App, slug, requester));
        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(requester.Email!).Count > 0, "the approval mail");
        var mail = Assert.Single(fixture.Smtp.ReceivedBy(requester.Email!));
        Assert.StartsWith("Welcome to Focal points", mail.Subject);
        Assert.Contains($"https://hub.test/groups/{slug}", mail.TextBody);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await requesterBrowser.GetAsync($"groups/{slug}/members")).Status);
    }

    [Fact]
    public async Task RequestThenDeclineWithReply_RequesterGetsTheReply_AndStaysOut()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Strict");
        var requester = await TestAccounts.CreateAsync(fixture.App, "Declined");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Request);
        await Ask(requester, slug);
        using var ownerBrowser = await TestAccounts.SignInAsync(fixture.App, owner);
        var members = await ownerBrowser.GetAsync($"groups/{slug}/members");
        var declineAction = members.Document.QuerySelector(".moderation__item form[action$='/decline']")!.GetAttribute("action")!;

        var declined = await ownerBrowser.PostActionAsync(members, declineAction, new Dictionary<string, string> { ["reply"] = "This group is for focal points only." });

        Assert.Contains("The request from Declined was declined", declined.MainText());
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, requester));
        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(requester.Email!).Count > 0, "the decline mail");
        var mail = Assert.Single(fixture.Smtp.ReceivedBy(requester.Email!));
        Assert.Contains("declined your request to join", mail.TextBody);
        Assert.Contains("This group is for focal points only.", mail.TextBody);

        // The request and its answer are part of the member's data download.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Section == "groupJoining");
        var json = JsonSerializer.Serialize(await source.CollectAsync(requester.Id, TestContext.Current.CancellationToken));
        Assert.Contains("\"status\":\"Declined\"", json);
        Assert.Contains("This group is for focal points only.", json);
    }

    [Fact]
    public async Task Withdraw_TakesTheRequestOffTheModeratorsList()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Waiting");
        var requester = await TestAccounts.CreateAsync(fixture.App, "Changedmind");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Public, GroupJoinPolicy.Request);
        using var browser = await Ask(requester, slug);

        var withdrawn = await browser.PostActionAsync(await browser.GetAsync($"groups/{slug}"), $"groups/{slug}/requests/withdraw");

        Assert.Contains("Your request to join has been withdrawn.", withdrawn.MainText());
        Assert.Contains("Ask to join", withdrawn.MainText());
        var moderation = await GroupTestData.UseAsync<GroupMembershipService, GroupModeration?>(fixture.App, s => s.GetModerationAsync(GroupTestData.Viewer(owner), slug));
        Assert.Empty(moderation!.Requests);
    }

    [Fact]
    public async Task Request_AskingTwice_IsRefusedWithAClearMessage()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Patient");
        var requester = await TestAccounts.CreateAsync(fixture.App, "Eager");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Request);
        using var browser = await TestAccounts.SignInAsync(fixture.App, requester);
        var stale = await browser.GetAsync($"groups/{slug}");
        await browser.PostActionAsync(stale, $"groups/{slug}/requests");

        var again = await browser.PostActionAsync(stale, $"groups/{slug}/requests");

        Assert.Contains("You have already asked to join; the moderators will answer soon.", again.MainText());
        Assert.Equal(1, await GroupTestData.QueryAsync(fixture.App, db => db.GroupJoinRequests.CountAsync(r => r.UserId == requester.Id)));
    }

    [Fact]
    public async Task Ban_BlocksRejoiningAndAsking_UntilAModeratorLiftsIt()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Firm");
        var troll = await TestAccounts.CreateAsync(fixture.App, "Troublemaker");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        await GroupTestData.AddMemberAsync(fixture.App, slug, troll);
        using var ownerBrowser = await TestAccounts.SignInAsync(fixture.App, owner);
        using var trollBrowser = await TestAccounts.SignInAsync(fixture.App, troll);
        var staleAbout = await trollBrowser.GetAsync($"groups/{slug}");

        var members = await ownerBrowser.GetAsync($"groups/{slug}/members");
        var banned = await ownerBrowser.PostActionAsync(members, $"groups/{slug}/members/{troll.Id}/ban", new Dictionary<string, string> { ["reason"] = "Repeated spam." });
        Assert.Contains("Troublemaker is banned from the group.", banned.MainText());
        Assert.Contains("Repeated spam.", banned.Document.QuerySelector(".moderation__reason")!.TextContent);

        var about = await trollBrowser.GetAsync($"groups/{slug}");
        Assert.Contains("banned you from this group", about.MainText());
        Assert.False(about.HasFormPostingTo($"groups/{slug}/join"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await trollBrowser.GetAsync($"groups/{slug}/members")).Status);
        var rejoin = await trollBrowser.PostActionAsync(staleAbout, $"groups/{slug}/leave", postTo: $"groups/{slug}/join");
        Assert.Contains("its moderators have banned you from it", rejoin.MainText());
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, troll));

        var lifted = await ownerBrowser.PostActionAsync(await ownerBrowser.GetAsync($"groups/{slug}/members"), $"groups/{slug}/bans/{troll.Id}/lift");
        Assert.Contains("The ban on Troublemaker is lifted", lifted.MainText());
        var joined = await trollBrowser.PostActionAsync(await trollBrowser.GetAsync($"groups/{slug}"), $"groups/{slug}/join");
        Assert.Contains("You are now a member.", joined.MainText());
    }

    [Fact]
    public async Task StaleModeratorPage_AfterDemotion_ApproveIsRefusedClearly_AndNothingChanges()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Chief");
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Formermod");
        var requester = await TestAccounts.CreateAsync(fixture.App, "Waitingstill");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Public, GroupJoinPolicy.Request);
        await GroupTestData.AddMemberAsync(fixture.App, slug, moderator, GroupRole.Moderator);
        await Ask(requester, slug);
        using var moderatorBrowser = await TestAccounts.SignInAsync(fixture.App, moderator);
        var stale = await moderatorBrowser.GetAsync($"groups/{slug}/members");
        var approveAction = stale.Document.QuerySelector(".moderation__item form[action$='/approve']")!.GetAttribute("action")!;

        var demoted = await GroupTestData.UseAsync<GroupMembershipService, GroupOutcome>(fixture.App, s =>
            s.ChangeRoleAsync(GroupTestData.Viewer(owner), slug, moderator.Id, GroupRole.Member));
        Assert.True(demoted.Succeeded, demoted.Message);
        var page = await moderatorBrowser.PostActionAsync(stale, approveAction);

        Assert.Equal("Error: Only the group's owners and moderators can do that.", page.StatusMessage());
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, requester));
        Assert.Equal(1, await GroupTestData.QueryAsync(fixture.App, db => db.GroupJoinRequests.CountAsync(r => r.UserId == requester.Id && r.Status == GroupJoinRequestStatus.Pending)));
    }

    private async Task<TestBrowser> Ask(ApplicationUser requester, string slug)
    {
        var browser = await TestAccounts.SignInAsync(fixture.App, requester);
        var asked = await browser.PostActionAsync(await browser.GetAsync($"groups/{slug}"), $"groups/{slug}/requests");
        Assert.Contains("Your request has been sent", asked.MainText());
        return browser;
    }
}
