using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>
/// Journey: a visitor watches an appeal's counters while a member, in a second session, endorses and withdraws; the
/// watcher's counter follows both without reloading.
/// </summary>
public sealed class AppealLiveCounterTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Counter_UpdatesLiveInAnotherSession_WhenAMemberEndorsesAndWithdraws()
    {
        var moderator = await TestAccounts.CreateAsync(host.App, "Live moderator", SiteRoles.Moderator);
        var slug = await AppealTestData.CreateAsync(host.App, moderator, goal: 4);
        var member = await TestAccounts.CreateAsync(host.App, "Live endorser");
        var watcher = await host.NewPageAsync(width: 390);
        var endorser = await host.NewPageAsync();

        await Journey.RunAsync(watcher, async () =>
        {
            await watcher.GotoAsync($"/appeals/{slug}");
            await Assertions.Expect(watcher.Locator(".appeal-counter[data-live=on]")).ToBeAttachedAsync();
            await Assertions.Expect(watcher.Locator("[data-count=people]")).ToHaveTextAsync("0");

            await endorser.GotoAsync("/Account/Login");
            await endorser.GetByLabel("Email").FillAsync(member.Email!);
            await endorser.GetByLabel("Password").FillAsync(TestAccounts.Password);
            await endorser.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Assertions.Expect(endorser.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeAttachedAsync();
            await endorser.GotoAsync($"/appeals/{slug}");
            await endorser.GetByRole(AriaRole.Button, new() { Name = "Endorse", Exact = true }).ClickAsync();
            await Assertions.Expect(endorser.GetByText("Thank you: your endorsement is counted.")).ToBeVisibleAsync();

            await Assertions.Expect(watcher.Locator("[data-count=people]")).ToHaveTextAsync("1");
            await Assertions.Expect(watcher.Locator("#appeal-progress")).ToHaveAttributeAsync("value", "25");

            await endorser.GetByRole(AriaRole.Button, new() { Name = "Withdraw my endorsement" }).ClickAsync();
            await Assertions.Expect(endorser.GetByText("Your endorsement is withdrawn.")).ToBeVisibleAsync();
            await Assertions.Expect(watcher.Locator("[data-count=people]")).ToHaveTextAsync("0");
        });
    }
}
