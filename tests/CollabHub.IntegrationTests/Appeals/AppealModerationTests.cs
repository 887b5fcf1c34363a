using System.Net;
using CollabHub.IntegrationTests.Groups;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Appeals;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>Organisations wait for a moderator, States are recorded by moderators once each, the roll shows only what it may.</summary>
public sealed class AppealModerationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OrganisationEndorsement_WaitsForAModerator_ThenCountsAndShows()
    {
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Queue moderator", SiteRoles.Moderator);
        var slug = await AppealTestData.CreateAsync(fixture.App, moderator);
        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App, "Org Submitter");

        var submitted = await member.PostActionAsync(await member.OpenAsync($"appeals/{slug}"), $"appeals/{slug}/organisations",
            new Dictionary<string, string> { ["name"] = "Peace Nurses Network", ["type"] = nameof(OrganisationType.Ngo), ["country"] = "GH" });

        Assert.Contains("will show once a moderator has confirmed it", submitted.StatusMessage());
        Assert.DoesNotContain("Peace Nurses Network", submitted.QuerySelector(".appeal-roll")!.TextContent);
        Assert.Equal("0", submitted.QuerySelector("[data-count=organisations]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"appeals/{slug}/manage")).Status);

        using var moderatorBrowser = await TestAccounts.SignInAsync(fixture.App, moderator);
        var queue = await moderatorBrowser.OpenAsync($"appeals/{slug}/manage");
        var item = queue.QuerySelector(".appeal-manage__queue .appeal-manage__item")!;
        Assert.Contains("Peace Nurses Network", item.TextContent);
        Assert.Contains("Ghana", item.TextContent);
        Assert.Contains("Org Submitter", item.TextContent);
        var confirm = item.QuerySelector("form[action$='/confirm']")!.GetAttribute("action")!;

        var confirmed = await moderatorBrowser.PostActionAsync(queue, confirm);

        Assert.Equal("The endorsement of Peace Nurses Network is confirmed.", confirmed.StatusMessage());
        Assert.Contains("No organisation is waiting.", confirmed.MainText());
        var page = await member.OpenAsync($"appeals/{slug}");
        Assert.Contains("Peace Nurses Network", page.QuerySelector(".appeal-roll")!.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-count=organisations]")!.TextContent);
    }

    [Fact]
    public async Task OrganisationEndorsement_SameNameAndCountryTwice_IsRefused()
    {
        var slug = await AppealTestData.CreateAsync(fixture.App, await Moderator());
        var first = await TestAccounts.CreateAsync(fixture.App, "First submitter");
        var second = await TestAccounts.CreateAsync(fixture.App, "Second submitter");

        var once = await SubmitAsync(first, slug, "Amnesty for Peace", "FR");
        var again = await SubmitAsync(second, slug, "  AMNESTY FOR PEACE ", "FR");
        var elsewhere = await SubmitAsync(second, slug, "Amnesty for Peace", "BE");

        Assert.True(once.Succeeded);
        Assert.Equal(EndorsementService.OrganisationDuplicateMessage, again.Message);
        Assert.True(elsewhere.Succeeded);
    }

    [Fact]
    public async Task StateEndorsement_IsRecordedByModeratorsOnly_OncePerState()
    {
        var moderator = await Moderator();
        var slug = await AppealTestData.CreateAsync(fixture.App, moderator);
        var member = await TestAccounts.CreateAsync(fixture.App, "Not a moderator");

        var byMember = await Record(AppealTestData.Member(member), slug, "NO", "Note 1");
        var recorded = await Record(AppealTestData.Moderator(moderator), slug, "NO", "Note verbale NOR/2026/12");
        var twice = await Record(AppealTestData.Moderator(moderator), slug, "NO", "Note 2");
        var unknown = await Record(AppealTestData.Moderator(moderator), slug, "XX", "Note 3");
        var noReference = await Record(AppealTestData.Moderator(moderator), slug, "SE", " ");

        Assert.Equal(AppealService.ManagersOnlyMessage, byMember.Message);
        Assert.Equal("The endorsement of Norway is recorded.", recorded.Message);
        Assert.Equal(AppealService.StateDuplicateMessage, twice.Message);
        Assert.False(unknown.Succeeded);
        Assert.False(noReference.Succeeded);
        Assert.Equal(1, (await AppealTestData.CountsAsync(fixture.App, slug)).States);
        var audited = await GroupTestData.QueryAsync(fixture.App, db => db.AuditLog
            .Where(e => e.Action == CollabHub.Web.Features.Admin.Audit.AuditActions.AppealStateRecord && e.ActorUserId == moderator.Id)
            .Select(e => e.Details).ToListAsync());
        Assert.Equal([$"{slug}: Norway (Note verbale NOR/2026/12)"], audited);
    }

    [Fact]
    public async Task Roll_ShowsListedIndividualsByDisplayName_AndNeverUnlistedOnes()
    {
        var slug = await AppealTestData.CreateAsync(fixture.App, await Moderator());
        var listed = await TestAccounts.CreateAsync(fixture.App, new NewAccount("Listed Lina"));
        var unlisted = await TestAccounts.CreateAsync(fixture.App, new NewAccount("Quiet Quentin"));
        await Endorse(listed, slug, listed: true);
        await Endorse(unlisted, slug, listed: false);
        using var reader = await TestAccounts.SignInNewMemberAsync(fixture.App);

        var page = await reader.OpenAsync($"appeals/{slug}");
        var people = await reader.OpenAsync($"appeals/{slug}?capacity=Individual");

        Assert.Equal("2", page.QuerySelector("[data-count=people]")!.TextContent);
        Assert.Contains("Listed Lina", page.QuerySelector(".appeal-roll")!.TextContent);
        Assert.DoesNotContain("Quiet Quentin", page.Html);
        Assert.DoesNotContain("Quiet Quentin", people.Html);
        Assert.DoesNotContain(listed.Email!, page.Html);
    }

    [Fact]
    public async Task HostileNames_AreShownAsText()
    {
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var moderator = await Moderator();
        var slug = await AppealTestData.CreateAsync(fixture.App, moderator);
        var member = await TestAccounts.CreateAsync(fixture.App, new NewAccount(Hostile));
        await Endorse(member, slug, listed: true);
        var organisation = await SubmitAsync(member, slug, Hostile, "KE");
        var queue = await GroupTestData.UseAsync<AppealQueries, AppealManageView?>(fixture.App, q => q.ManageAsync(AppealTestData.Moderator(moderator), slug));
        var confirmed = await GroupTestData.UseAsync<AppealService, GroupOutcome>(fixture.App, s =>
            s.ConfirmOrganisationAsync(AppealTestData.Moderator(moderator), slug, queue!.Queue.Single().Id));
        Assert.True(organisation.Succeeded && confirmed.Succeeded);
        using var reader = await TestAccounts.SignInNewMemberAsync(fixture.App);

        var page = await reader.OpenAsync($"appeals/{slug}");
        var card = await reader.Client.GetStringAsync($"appeals/{slug}/card.svg", TestContext.Current.CancellationToken);

        var roll = page.QuerySelector(".appeal-roll")!;
        Assert.Equal(2, roll.QuerySelectorAll(".appeal-roll__name").Count(n => n.TextContent == Hostile));
        Assert.Empty(roll.QuerySelectorAll("script, img"));
        Assert.DoesNotContain("<script>alert", page.Html);
        Assert.Contains("<svg", card);
        Assert.DoesNotContain(System.Xml.Linq.XDocument.Parse(card).Descendants(), e => e.Name.LocalName is "script" or "img");
    }

    [Fact]
    public async Task CsvExport_ListsEndorsementsForModerators_AndIsNotFoundForOthers()
    {
        var moderator = await Moderator();
        var slug = await AppealTestData.CreateAsync(fixture.App, moderator);
        await Record(AppealTestData.Moderator(moderator), slug, "JP", "=HYPERLINK(\"x\")");
        using var moderatorBrowser = await TestAccounts.SignInAsync(fixture.App, moderator);
        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App);

        var csv = await moderatorBrowser.Client.GetStringAsync($"appeals/{slug}/endorsements.csv", TestContext.Current.CancellationToken);
        var refused = await member.Client.GetAsync($"appeals/{slug}/endorsements.csv", TestContext.Current.CancellationToken);

        Assert.StartsWith("\uFEFFcapacity,status,name", csv);
        Assert.Contains("MemberState,Confirmed,\"Japan\"", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", csv);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task PrivateGroupAppeal_IsNotFoundForNonMembers_AndManagedByTheGroupsModerators()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Group owner");
        var groupSlug = await GroupTestData.CreateAsync(fixture.App, owner, GroupVisibility.Private, GroupJoinPolicy.Request);
        var slug = await AppealTestData.CreateAsync(fixture.App, owner, groupSlug: groupSlug);
        using var outsider = await TestAccounts.SignInNewMemberAsync(fixture.App);
        using var insider = await TestAccounts.SignInNewMemberAsync(fixture.App);
        await GroupTestData.AddMemberAsync(fixture.App, groupSlug, insider.Account);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"appeals/{slug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"appeals/{slug}/card.svg", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(slug, (await outsider.OpenAsync("appeals")).Html);
        var endorse = await GroupTestData.UseAsync<EndorsementService, GroupOutcome>(fixture.App, s => s.EndorseAsMemberAsync(AppealTestData.Member(outsider.Account), slug, true));
        Assert.Equal(GroupOutcomeKind.NotFound, endorse.Kind);
        Assert.Contains(slug, (await insider.OpenAsync("appeals")).Html);
        Assert.Equal(HttpStatusCode.OK, (await insider.GetAsync($"appeals/{slug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await insider.GetAsync($"appeals/{slug}/manage")).Status);
        using var ownerBrowser = await TestAccounts.SignInAsync(fixture.App, owner);
        Assert.Equal(HttpStatusCode.OK, (await ownerBrowser.GetAsync($"appeals/{slug}/manage")).Status);
    }

    [Fact]
    public async Task PersonalData_HoldsTheMembersEndorsements_AndOrganisationsTheySubmitted()
    {
        var slug = await AppealTestData.CreateAsync(fixture.App, await Moderator());
        var member = await TestAccounts.CreateAsync(fixture.App, "Data subject");
        var other = await TestAccounts.CreateAsync(fixture.App, "Someone else");
        await Endorse(member, slug, listed: true);
        await SubmitAsync(member, slug, "Subject NGO", "PE");
        await SubmitAsync(other, slug, "Other NGO", "PE");

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Section == "appealEndorsements");
        var json = System.Text.Json.JsonSerializer.Serialize(await source.CollectAsync(member.Id, TestContext.Current.CancellationToken));

        Assert.Contains("\"capacity\":\"Individual\"", json);
        Assert.Contains("\"listedOnTheRoll\":true", json);
        Assert.Contains("Subject NGO", json);
        Assert.DoesNotContain("Other NGO", json);
        Assert.Null(await source.CollectAsync((await TestAccounts.CreateAsync(fixture.App, "Quiet")).Id, TestContext.Current.CancellationToken));
    }

    private async Task<ApplicationUser> Moderator() => await TestAccounts.CreateAsync(fixture.App, "Roll moderator", SiteRoles.Moderator);

    private Task<GroupOutcome> Record(AppealViewer viewer, string slug, string code, string reference) =>
        GroupTestData.UseAsync<AppealService, GroupOutcome>(fixture.App, s => s.RecordStateAsync(viewer, slug, code, reference));

    private Task<GroupOutcome> SubmitAsync(ApplicationUser member, string slug, string name, string country) =>
        GroupTestData.UseAsync<EndorsementService, GroupOutcome>(fixture.App, s =>
            s.SubmitOrganisationAsync(AppealTestData.Member(member), slug, name, OrganisationType.Ngo, country));

    private async Task Endorse(ApplicationUser member, string slug, bool listed)
    {
        var outcome = await GroupTestData.UseAsync<EndorsementService, GroupOutcome>(fixture.App, s => s.EndorseAsMemberAsync(AppealTestData.Member(member), slug, listed));
        Assert.True(outcome.Succeeded, outcome.Message);
    }
}
