using System.Diagnostics;
using CollabHub.IntegrationTests.Groups;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Appeals;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>The demo appeal's counts are its rows: most Member States by their real names, organisations and people.</summary>
public sealed class AppealsDemoSeedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task DemoSeed_AddsTheCeasefireAppeal_WhoseCountsComeFromItsRows()
    {
        var ct = TestContext.Current.CancellationToken;
        var timer = Stopwatch.StartNew();
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
        {
            await new AppealsDemoSeed(TimeProvider.System).RunAsync(db, ct);
            await db.SaveChangesAsync(ct);
        }

        timer.Stop();
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(20), $"Seeding took {timer.Elapsed}.");
        var counts = await AppealTestData.CountsAsync(fixture.App, AppealsDemoSeed.Slug);
        Assert.InRange(counts.States, 170, 195);
        Assert.Equal(await AppealTestData.ConfirmedRowsAsync(fixture.App, AppealsDemoSeed.Slug, EndorsementCapacity.MemberState), counts.States);
        Assert.Equal(await AppealTestData.ConfirmedRowsAsync(fixture.App, AppealsDemoSeed.Slug, EndorsementCapacity.Organisation), counts.Organisations);
        Assert.Equal(await AppealTestData.ConfirmedRowsAsync(fixture.App, AppealsDemoSeed.Slug, EndorsementCapacity.Individual), counts.People);
        Assert.True(counts.Organisations > 0 && counts.People > 0);

        using var visitor = new TestBrowser(fixture.App);
        var page = await visitor.OpenAsync($"appeals/{AppealsDemoSeed.Slug}");
        var african = await visitor.OpenAsync($"appeals/{AppealsDemoSeed.Slug}?capacity=MemberState&region=African");
        Assert.Equal(counts.States.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), page.QuerySelector("[data-count=states]")!.TextContent);
        Assert.Contains("Netherlands (Kingdom of the)", (await visitor.OpenAsync($"appeals/{AppealsDemoSeed.Slug}?capacity=MemberState&region=WesternEuropeanAndOthers")).MainText());
        var africanNames = african.QuerySelectorAll(".appeal-roll__name").Select(n => n.TextContent).ToList();
        Assert.Contains("Ghana", africanNames);
        Assert.DoesNotContain("Norway", africanNames);
        Assert.Contains("og:image", page.Html);
    }
}
