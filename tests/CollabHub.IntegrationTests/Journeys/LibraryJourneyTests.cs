using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.IntegrationTests.Library;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Journeys;

/// <summary>
/// Journey: a member submits a resource with a PDF; a moderator approves it from the review queue; anyone then finds
/// it by a word that appears only inside the PDF.
/// </summary>
public sealed class LibraryJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task MemberSubmitsPdf_ModeratorApproves_FoundByAWordFromThePdf()
    {
        var data = new LibraryTestData(host.App);
        var member = await data.MemberAsync("Amina Diallo");
        var moderator = await data.ModeratorAsync("Mod Erator");
        var word = LibraryTestData.Word();
        var memberPage = await host.SignedInPageAsync(member);
        var moderatorPage = await host.SignedInPageAsync(moderator, width: 390);

        await Journey.RunAsync(memberPage, async () =>
        {
            await memberPage.GotoAsync("/library");
            await memberPage.GetByRole(AriaRole.Link, new() { Name = "Submit a resource" }).ClickAsync();
            await memberPage.GetByLabel("Title").FillAsync("Reminder letters trial");
            await memberPage.GetByLabel("Summary").FillAsync("What we learnt from sending reminder letters.");
            await memberPage.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Report" });
            await memberPage.GetByLabel("Files").SetInputFilesAsync(new FilePayload
            {
                Name = "trial.pdf",
                MimeType = "application/pdf",
                Buffer = LibraryTestData.Pdf($"Attendance rose when {word} letters were sent."),
            });
            await memberPage.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
            await Assertions.Expect(memberPage.GetByRole(AriaRole.Heading, new() { Name = "Reminder letters trial" })).ToBeVisibleAsync();
            await Assertions.Expect(memberPage.GetByText("Awaiting review")).ToBeVisibleAsync();

            await moderatorPage.GotoAsync("/library/review");
            var item = moderatorPage.Locator("article.review-item", new() { HasText = "Reminder letters trial" });
            await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Assertions.Expect(moderatorPage.GetByText("Approved: the resource is published and its submitter is told.")).ToBeVisibleAsync();

            // The PDF's text is extracted in the background; the search finds it once that is done.
            await Eventually.WaitAsync(async () =>
            {
                await memberPage.GotoAsync($"/library?q={word}");
                return await memberPage.Locator(".library-hit").CountAsync() == 1;
            }, "the approved resource to be found by a word inside its PDF");
            await Assertions.Expect(memberPage.Locator(".library-hit__snippet mark")).ToHaveTextAsync(word);
            await memberPage.GetByRole(AriaRole.Link, new() { Name = "Reminder letters trial" }).ClickAsync();
            await Assertions.Expect(memberPage.GetByRole(AriaRole.Link, new() { Name = "trial.pdf" })).ToBeVisibleAsync();
        });
    }
}
