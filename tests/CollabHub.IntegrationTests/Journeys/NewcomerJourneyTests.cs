using System.Text.RegularExpressions;
using CollabHub.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Journeys;

/// <summary>Journey 1: a newcomer registers, receives the confirmation mail, confirms, signs in and fills the profile.</summary>
public sealed partial class NewcomerJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Newcomer_RegistersConfirmsSignsInAndFillsTheProfile()
    {
        var page = await host.NewPageAsync(width: 390, height: 844); // a phone
        var email = $"newcomer-{Guid.NewGuid():N}@undp.org";
        const string password = "monsoon ledger orchid 42";
        var station = $"Dhaka {Guid.NewGuid():N}"[..14];

        await Journey.RunAsync(page, async () =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Join" }).ClickAsync();
            await page.GetByLabel("Your name").FillAsync("Rahima Chowdhury");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
            await page.GetByLabel("Confirm Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" })).ToBeVisibleAsync();

            await Eventually.WaitAsync(() => host.Smtp.ReceivedBy(email).Count > 0, $"the confirmation mail to {email}");
            var mail = host.Smtp.ReceivedBy(email)[0];
            var link = ConfirmLink().Match(mail.TextBody ?? "").Value;
            Assert.StartsWith(host.BaseUrl.AbsoluteUri, link, StringComparison.Ordinal);
            await page.GotoAsync(link);
            await Assertions.Expect(page.GetByText("Thank you for confirming your email.")).ToBeVisibleAsync();

            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator(".user-link__name")).ToHaveTextAsync("Rahima Chowdhury");

            await page.GotoAsync("/Account/Manage");
            await page.Locator("#profile-organisation").SelectOptionAsync(new SelectOptionValue { Value = "UNDP" });
            await page.Locator("#profile-job-title").FillAsync("Behavioural insights analyst");
            await page.Locator("#profile-duty-station").FillAsync(station);
            await page.Locator("#profile-expertise").FillAsync("behavioural science, evaluation");
            await page.Locator("#profile-name").FillAsync("Rahima Chowdhury Khan");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Your profile has been saved.")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".user-link__name")).ToHaveTextAsync("Rahima Chowdhury Khan");

            await page.GotoAsync($"/members?q={Uri.EscapeDataString(station)}");
            var card = page.Locator(".member-card").Filter(new() { HasText = "Rahima Chowdhury Khan" });
            await Assertions.Expect(card).ToContainTextAsync(station);
            await Assertions.Expect(card).ToContainTextAsync("UNDP");
        });
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmLink();
}
