using System.Text;
using CollabHub.IntegrationTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Journeys;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules) on every page a newcomer meets: no serious or critical violation, and the page
/// fits a 320 px wide screen without sideways scrolling. Minor findings are saved as test output.
/// </summary>
public sealed class AccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/groups")]
    [InlineData("/appeals")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/no-such-page")]
    public Task PublicPage_HasNoSeriousViolations_AndFits320Pixels(string path) =>
        CheckAsync(path, signedIn: false);

    [Theory]
    [InlineData("/Account/Manage")]
    [InlineData("/members")]
    [InlineData("/Account/Manage/Sessions")]
    public Task MemberPage_HasNoSeriousViolations_AndFits320Pixels(string path) =>
        CheckAsync(path, signedIn: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AppealPage_HasNoSeriousViolations_AndFits320Pixels(bool signedIn)
    {
        var moderator = await TestAccounts.CreateAsync(host.App, "Appeal issuer", CollabHub.Web.Features.Members.SiteRoles.Moderator);
        var slug = await Appeals.AppealTestData.CreateAsync(host.App, moderator, goal: 100);
        await CheckAsync($"/appeals/{slug}", signedIn);
    }

    private async Task CheckAsync(string path, bool signedIn)
    {
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await host.NewPageAsync(width);
            await Journey.RunAsync(page, async () =>
            {
                if (signedIn)
                {
                    var account = await TestAccounts.CreateAsync(host.App, "Reader");
                    await page.GotoAsync("/Account/Login");
                    await page.GetByLabel("Email").FillAsync(account.Email!);
                    await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
                    await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
                    await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeAttachedAsync();
                }

                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

                var results = await page.RunAxe(Wcag21AA);
                var blocking = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
                TestContext.Current.AddAttachment($"axe {path} {width}px", Report(results.Violations));
                Assert.True(blocking.Count == 0, $"{path} at {width}px:\n{Report(blocking)}");

                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at {width}px");
            }, $"{path.Trim('/').Replace('/', '-')}-{width}");
        }
    }

    private static string Report(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{violation.Impact}] {violation.Id}: {violation.Help}\n");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"    {node.Target}\n");
            }
        }

        return text.Length == 0 ? "no violations" : text.ToString();
    }
}
