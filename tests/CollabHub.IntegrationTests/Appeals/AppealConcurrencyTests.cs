using CollabHub.IntegrationTests.Groups;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Appeals;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>Counts stay exact when many endorse, withdraw, endorse twice and close at the same moment.</summary>
public sealed class AppealConcurrencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ConcurrentEndorseAndWithdraw_CountEqualsConfirmedRows()
    {
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Busy moderator", SiteRoles.Moderator);
        var slug = await AppealTestData.CreateAsync(fixture.App, moderator);
        var members = new List<ApplicationUser>();
        for (var i = 0; i < 28; i++)
        {
            members.Add(await TestAccounts.CreateAsync(fixture.App, $"Crowd {i}"));
        }

        var first = members.Take(16).ToList();
        var second = members.Skip(16).ToList();

        // The first crowd endorses, each member twice at once; then every other member of it withdraws while the
        // second crowd endorses, also twice each, all at the same moment.
        var endorsed = await Task.WhenAll(first.SelectMany(m => new[] { Endorse(m, slug), Endorse(m, slug) }));
        var leaving = first.Where((_, i) => i % 2 == 0).ToList();
        var mixed = await Task.WhenAll(leaving.Select(m => Withdraw(m, slug))
            .Concat(second.SelectMany(m => new[] { Endorse(m, slug), Endorse(m, slug) })));

        var outcomes = endorsed.Concat(mixed).ToList();
        Assert.DoesNotContain(outcomes, o => o.Kind == GroupOutcomeKind.NotFound || o.Message.Contains("could not be saved", StringComparison.Ordinal));
        Assert.Equal(first.Count + second.Count, outcomes.Count(o => o.Message == "Thank you: your endorsement is counted."));
        Assert.Equal(leaving.Count, outcomes.Count(o => o.Message == "Your endorsement is withdrawn."));
        var counts = await AppealTestData.CountsAsync(fixture.App, slug);
        var rows = await AppealTestData.ConfirmedRowsAsync(fixture.App, slug, EndorsementCapacity.Individual);
        Assert.Equal(rows, counts.People);
        Assert.Equal(first.Count - leaving.Count + second.Count, counts.People);
        var distinct = await GroupTestData.QueryAsync(fixture.App, db => db.AppealEndorsements
            .Where(e => db.Appeals.Any(a => a.Id == e.AppealId && a.Slug == slug)).Select(e => e.UserId).Distinct().CountAsync());
        Assert.Equal(rows, distinct);
    }

    [Fact]
    public async Task EndorsementsRacingAClose_NoneIsCountedAfterTheClose()
    {
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Closing moderator", SiteRoles.Moderator);
        var slug = await AppealTestData.CreateAsync(fixture.App, moderator);
        var members = new List<ApplicationUser>();
        for (var i = 0; i < 16; i++)
        {
            members.Add(await TestAccounts.CreateAsync(fixture.App, $"Racer {i}"));
        }

        var endorsements = members.Select(m => Endorse(m, slug)).ToList();
        var close = GroupTestData.UseAsync<AppealService, GroupOutcome>(fixture.App, s => s.CloseAsync(AppealTestData.Moderator(moderator), slug));
        var outcomes = await Task.WhenAll(endorsements.Append(close));

        Assert.True((await close).Succeeded);
        var closedAt = await GroupTestData.QueryAsync(fixture.App, db => db.Appeals.Where(a => a.Slug == slug).Select(a => a.ClosedAt).SingleAsync());
        var latest = await GroupTestData.QueryAsync(fixture.App, db => db.AppealEndorsements
            .Where(e => db.Appeals.Any(a => a.Id == e.AppealId && a.Slug == slug)).MaxAsync(e => (DateTimeOffset?)e.ConfirmedAt));
        Assert.True(latest is null || latest <= closedAt, $"An endorsement at {latest} was counted after the close at {closedAt}.");
        var refused = outcomes.Count(o => o.Message == Appeal.ClosedMessage);
        Assert.Equal(members.Count - refused, (await AppealTestData.CountsAsync(fixture.App, slug)).People);
    }

    private Task<GroupOutcome> Endorse(ApplicationUser member, string slug) =>
        GroupTestData.UseAsync<EndorsementService, GroupOutcome>(fixture.App, s => s.EndorseAsMemberAsync(AppealTestData.Member(member), slug, listed: false));

    private Task<GroupOutcome> Withdraw(ApplicationUser member, string slug) =>
        GroupTestData.UseAsync<EndorsementService, GroupOutcome>(fixture.App, s => s.WithdrawAsMemberAsync(AppealTestData.Member(member), slug));
}
