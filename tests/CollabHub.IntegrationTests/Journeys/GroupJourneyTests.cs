using System.Text.RegularExpressions;
using CollabHub.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Journeys;

/// <summary>
/// Journey 2: a member creates a private group and invites a colleague by e-mail; the colleague joins from the link
/// in the mail; someone who is not a member cannot open the group's threads.
/// </summary>
public sealed partial class GroupJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task PrivateGroup_InvitedColleagueJoinsFromTheMail_OutsiderCannotReadThreads()
    {
        var founder = await TestAccounts.CreateAsync(host.App, "Founder Member");
        var colleague = await TestAccounts.CreateAsync(host.App, "Invited Colleague");
        var outsider = await TestAccounts.CreateAsync(host.App, "Outside Member");
        var name = $"Evaluation circle {Guid.NewGuid():N}"[..24];
        var founderPage = await host.SignedInPageAsync(founder);

        await Journey.RunAsync(founderPage, async () =>
        {
            await founderPage.GotoAsync("/groups/new");
            await founderPage.Locator("#group-name").FillAsync(name);
            await founderPage.Locator("#group-summary").FillAsync("Colleagues who evaluate programmes together.");
            await founderPage.Locator("#group-description").FillAsync("We share **evaluation** plans and results.");
            await founderPage.Locator("#group-visibility-Private").CheckAsync();
            await founderPage.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
            await Assertions.Expect(founderPage.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
            var groupPath = new Uri(founderPage.Url).AbsolutePath;

            await founderPage.GotoAsync(groupPath + "/members");
            await founderPage.GetByLabel("E-mail addresses").FillAsync(colleague.Email!);
            await founderPage.GetByRole(AriaRole.Button, new() { Name = "Send invitations" }).ClickAsync();
            await Assertions.Expect(founderPage.Locator("main")).ToContainTextAsync(colleague.Email!);

            await Eventually.WaitAsync(() => host.Smtp.ReceivedBy(colleague.Email!).Count > 0, "the colleague receives the invitation");
            var mail = host.Smtp.ReceivedBy(colleague.Email!)[0];
            var link = InvitationLink().Match(mail.TextBody ?? "").Value;
            Assert.StartsWith(host.BaseUrl.AbsoluteUri, link, StringComparison.Ordinal);

            var colleaguePage = await host.SignedInPageAsync(colleague);
            await colleaguePage.GotoAsync(link);
            await colleaguePage.GetByRole(AriaRole.Button, new() { Name = "Accept and join" }).ClickAsync();
            await Assertions.Expect(colleaguePage.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
            await colleaguePage.GetByRole(AriaRole.Link, new() { Name = "Discussions" }).ClickAsync();
            await Assertions.Expect(colleaguePage.GetByRole(AriaRole.Link, new() { Name = "New thread" })).ToBeVisibleAsync();

            var outsiderPage = await host.SignedInPageAsync(outsider);
            var answer = await outsiderPage.GotoAsync(groupPath + "/discussions");
            Assert.Equal(404, answer!.Status);
            await Assertions.Expect(outsiderPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("We could not find that page");
            await Assertions.Expect(outsiderPage.Locator("main")).Not.ToContainTextAsync(name);
        });
    }

    [GeneratedRegex(@"https?://[^\s/]+/groups/invitations/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
