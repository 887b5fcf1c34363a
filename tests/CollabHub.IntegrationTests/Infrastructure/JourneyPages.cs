using CollabHub.Web.Features.Members;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>Browser pages of a journey: each in its own context (its own cookies), like a separate person's browser.</summary>
public static class JourneyPages
{
    /// <summary>A page signed in as <paramref name="account"/> through the sign-in form.</summary>
    public static async Task<IPage> SignedInAsync(BrowserHost host, ApplicationUser account, int width = 1280)
    {
        var page = await host.NewPageAsync(width: width);
        await SignInAsync(page, account);
        return page;
    }

    public static async Task SignInAsync(IPage page, ApplicationUser account)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(account.Email!);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeAttachedAsync();
    }
}
