using System.Net;
using CollabHub.IntegrationTests.Groups;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Appeals;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>Endorsing as a member, as a visitor (double opt-in), withdrawing, and a closed appeal, through the pages.</summary>
public sealed class AppealEndorsementTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task VisitorEndorsement_CountsOnlyAfterTheMailedLinkIsConfirmed()
    {
        var slug = await AppealTestData.CreateAsync(fixture.App, await Moderator());
        var email = $"visitor-{Guid.NewGuid():N}@example.org";
        using var visitor = new TestBrowser(fixture.App);

        var asked = await visitor.PostActionAsync(await visitor.OpenAsync($"appeals/{slug}"), $"appeals/{slug}/endorse-by-email",
            new Dictionary<string, string> { ["name"] = "Rosa Visitor", ["email"] = email, ["listed"] = "true" });

        Assert.Equal(EndorsementService.CheckYourMailMessage, asked.StatusMessage());
        Assert.Equal(0, (await AppealTestData.CountsAsync(fixture.App, slug)).People);
        Assert.DoesNotContain("Rosa Visitor", (await visitor.OpenAsync($"appeals/{slug}")).MainText());

        var link = await AppealTestData.LinkInMailAsync(fixture.App, email, "appeals/confirm/");
        Assert.NotNull(link);
        var landing = await visitor.OpenAsync(link);
        Assert.Equal(0, (await AppealTestData.CountsAsync(fixture.App, slug)).People);
        var token = link["appeals/confirm/".Length..];
        var confirmed = await visitor.PostActionAsync(landing, $"appeals/links/{token}/confirm");

        Assert.Contains("confirmed and counted", confirmed.StatusMessage());
        Assert.Equal(1, (await AppealTestData.CountsAsync(fixture.App, slug)).People);
        Assert.Contains("Rosa Visitor", confirmed.QuerySelector(".appeal-roll")!.TextContent);
        Assert.Equal("1", confirmed.QuerySelector("[data-count=people]")!.TextContent);

        // The link works once.
        var again = await visitor.PostActionAsync(await visitor.OpenAsync(link), $"appeals/links/{token}/confirm");
        Assert.Contains("expired or was already used", again.StatusMessage());
        Assert.Equal(1, (await AppealTestData.CountsAsync(fixture.App, slug)).People);
    }

    [Fact]
    public async Task VisitorEndorsement_AnswersAlike_WhetherOrNotTheAddressAlreadyEndorsed()
    {
        var slug = await AppealTestData.CreateAsync(fixture.App, await Moderator());
        var endorsed = $"known-{Guid.NewGuid():N}@example.org";
        using var visitor = new TestBrowser(fixture.App);
        await EndorseByMailAsync(visitor, slug, "Known Person", endorsed);
        await ConfirmAsync(visitor, endorsed);

        var forKnown = await EndorseByMailAsync(visitor, slug, "Known Person", endorsed);
        var forNew = await EndorseByMailAsync(visitor, slug, "New Person", $"new-{Guid.NewGuid():N}@example.org");

        Assert.Equal(forNew.StatusMessage(), forKnown.StatusMessage());
        Assert.Equal(forNew.Status, forKnown.Status);
        Assert.Equal(1, (await AppealTestData.CountsAsync(fixture.App, slug)).People);
    }

    [Fact]
    public async Task MemberEndorsement_CountsAtOnce_AndWithdrawLowersTheCount()
    {
        var slug = await AppealTestData.CreateAsync(fixture.App, await Moderator());
        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App);

        var endorsed = await member.PostActionAsync(await member.OpenAsync($"appeals/{slug}"), $"appeals/{slug}/endorse");
        Assert.Equal("Thank you: your endorsement is counted.", endorsed.StatusMessage());
        Assert.Equal("1", endorsed.QuerySelector("[data-count=people]")!.TextContent);

        var withdrawn = await member.PostActionAsync(endorsed, $"appeals/{slug}/withdraw");

        Assert.Equal("Your endorsement is withdrawn.", withdrawn.StatusMessage());
        Assert.Equal("0", withdrawn.QuerySelector("[data-count=people]")!.TextContent);
        Assert.Equal(0, await AppealTestData.ConfirmedRowsAsync(fixture.App, slug, EndorsementCapacity.Individual));
    }

    [Fact]
    public async Task RollPagePastTheLast_ShowsTheLastPage_NotNoEndorsements()
    {
        var slug = await AppealTestData.CreateAsync(fixture.App, await Moderator());
        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App);
        await member.PostActionAsync(await member.OpenAsync($"appeals/{slug}"), $"appeals/{slug}/endorse", new Dictionary<string, string> { ["listed"] = "true" });

        // A link kept from when the roll was longer.
        var page = await member.OpenAsync($"appeals/{slug}?page=4");

        Assert.Contains(member.Account.DisplayName, page.QuerySelector(".appeal-roll__list")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("No endorsements match.", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedAppeal_RefusesEndorsements_WithAClearMessage()
    {
        var moderator = await Moderator();
        var slug = await AppealTestData.CreateAsync(fixture.App, moderator);
        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App);
        var page = await member.OpenAsync($"appeals/{slug}");
        var closed = await GroupTestData.UseAsync<AppealService, GroupOutcome>(fixture.App, s => s.CloseAsync(AppealTestData.Moderator(moderator), slug));
        Assert.True(closed.Succeeded);

        var refused = await member.PostActionAsync(page, $"appeals/{slug}/endorse");
        var organisation = await GroupTestData.UseAsync<EndorsementService, GroupOutcome>(fixture.App, s =>
            s.SubmitOrganisationAsync(AppealTestData.Member(member.Account), slug, "Late NGO", OrganisationType.Ngo, "KE"));

        Assert.Equal("Error: " + Appeal.ClosedMessage, refused.StatusMessage());
        Assert.Equal(Appeal.ClosedMessage, organisation.Message);
        Assert.Contains(Appeal.ClosedMessage, refused.QuerySelector(".appeal-endorse")!.TextContent);
        Assert.False(refused.HasFormPostingTo($"appeals/{slug}/endorse"));
        Assert.Equal(0, (await AppealTestData.CountsAsync(fixture.App, slug)).Total);
    }

    [Fact]
    public async Task DraftAppeal_IsNotFound_ForMembers()
    {
        var slug = await AppealTestData.CreateAsync(fixture.App, await Moderator(), open: false);
        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App);

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"appeals/{slug}")).Status);
        Assert.DoesNotContain(slug, (await member.OpenAsync("appeals")).Html);
    }

    private async Task<ApplicationUser> Moderator() => await TestAccounts.CreateAsync(fixture.App, "Appeal moderator", SiteRoles.Moderator);

    private static async Task<HtmlPage> EndorseByMailAsync(TestBrowser visitor, string slug, string name, string email) =>
        await visitor.PostActionAsync(await visitor.OpenAsync($"appeals/{slug}"), $"appeals/{slug}/endorse-by-email",
            new Dictionary<string, string> { ["name"] = name, ["email"] = email });

    private async Task ConfirmAsync(TestBrowser visitor, string email)
    {
        var link = await AppealTestData.LinkInMailAsync(fixture.App, email, "appeals/confirm/");
        Assert.NotNull(link);
        await visitor.PostActionAsync(await visitor.OpenAsync(link), $"appeals/links/{link["appeals/confirm/".Length..]}/confirm");
    }
}
