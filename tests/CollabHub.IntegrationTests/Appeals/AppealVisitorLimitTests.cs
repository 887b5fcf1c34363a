using System.Net;
using CollabHub.IntegrationTests.Groups;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Appeals;
using CollabHub.Web.Features.Members;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>Visitors are limited per address (same answer for every address) and per client address (429).</summary>
public sealed class AppealVisitorLimitTests(AppealAppFixture fixture) : IClassFixture<AppealAppFixture>
{
    [Fact]
    public async Task VisitorRequests_OverTheLimits_AreRefused_AndSendNoMoreMail()
    {
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Limit moderator", SiteRoles.Moderator);
        var slug = await AppealTestData.CreateAsync(fixture.App, moderator);
        var email = $"flood-{Guid.NewGuid():N}@example.org";
        using var visitor = new TestBrowser(fixture.App);
        var form = await visitor.OpenAsync($"appeals/{slug}");
        var values = new Dictionary<string, string> { ["name"] = "Flooder", ["email"] = email };

        var answers = new List<HtmlPage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await visitor.PostActionAsync(form, $"appeals/{slug}/endorse-by-email", values));
        }

        Assert.All(answers.Take(2), a => Assert.Equal(EndorsementService.CheckYourMailMessage, a.StatusMessage()));
        Assert.Equal("Error: " + VisitorAttemptLimiter.RetryMessage, answers[2].StatusMessage());
        Assert.Equal(2, await AppealTestData.MailCountAsync(fixture.App, email));

        // Every test request comes from one client address: the per-IP limit ends in the friendly 429 page.
        HtmlPage? last = null;
        for (var i = 3; i <= AppealAppFixture.PerIpPermits; i++)
        {
            last = await visitor.PostActionAsync(form, $"appeals/{slug}/endorse-by-email",
                new Dictionary<string, string> { ["name"] = "Other", ["email"] = $"other-{i}-{Guid.NewGuid():N}@example.org" });
        }

        Assert.NotNull(last);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.Status);
        Assert.Equal(0, (await AppealTestData.CountsAsync(fixture.App, slug)).People);
    }
}
