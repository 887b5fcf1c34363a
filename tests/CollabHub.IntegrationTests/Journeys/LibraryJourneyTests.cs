using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.IntegrationTests.Library;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Journeys;

/// <summary>
/// Journeys: a member submits a resource with a PDF; a moderator approves it from the review queue; anyone then finds
/// it by a word that appears only inside the PDF. And a visitor searching on a phone sees the results first, and the
/// filters beside them on a wide screen.
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

    [Fact]
    public async Task Visitor_OnAPhone_SeesTheFirstResultOnTheFirstScreen_AndReachesTheFiltersByTheirLink()
    {
        var data = new LibraryTestData(host.App);
        var member = await data.MemberAsync("Ines Morales");
        var moderator = await data.ModeratorAsync("Mod Erator");
        var word = LibraryTestData.Word();
        // Two pages of results, and enough filters to fill a phone's screen: three resources have eight topics of their own.
        for (var i = 0; i < 21; i++)
        {
            var form = LibraryTestData.Form($"Field note {i} on {word}");
            if (i < 3)
            {
                form.Topics = string.Join(", ", Enumerable.Range(0, 8).Select(t => $"topic {i}{t}"));
            }

            await data.ApprovedAsync(member, moderator, form);
        }

        var phone = await host.NewPageAsync(width: 390, height: 844);
        await Journey.RunAsync(phone, async () =>
        {
            await phone.GotoAsync($"/library?q={word}");
            var filters = phone.GetByRole(AriaRole.Complementary, new() { Name = "Filters" });
            await Assertions.Expect(filters.GetByRole(AriaRole.Link, new() { Name = "topic 00" })).ToBeAttachedAsync();
            await Assertions.Expect(phone.Locator(".library-hit").First).ToBeInViewportAsync();
            await Assertions.Expect(filters).Not.ToBeInViewportAsync();

            // The next page, from the end of the list, opens at its top.
            await phone.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
            await Assertions.Expect(phone.GetByText("Page 2 of 2")).ToBeAttachedAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Library", Level = 1 })).ToBeInViewportAsync();

            await phone.GetByRole(AriaRole.Link, new() { Name = "Filters", Exact = true }).ClickAsync();
            await Assertions.Expect(filters.GetByRole(AriaRole.Heading, new() { Name = "Filters" })).ToBeInViewportAsync();
            await filters.GetByRole(AriaRole.Link, new() { Name = "topic 11" }).ClickAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "1 resource" })).ToBeInViewportAsync();
            await Assertions.Expect(phone.Locator(".library-hit")).ToHaveCountAsync(1);
            await Assertions.Expect(phone.Locator(".library-hit").First).ToContainTextAsync("Field note 1");
            await Assertions.Expect(phone.Locator(".library-hit").First).ToBeInViewportAsync();
            await Assertions.Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Filters (1 in use)" })).ToBeVisibleAsync();
        });

        var wide = await host.NewPageAsync();
        await Journey.RunAsync(wide, async () =>
        {
            await wide.GotoAsync($"/library?q={word}");
            var filters = wide.GetByRole(AriaRole.Complementary, new() { Name = "Filters" });
            var first = wide.Locator(".library-hit").First;
            await Assertions.Expect(first).ToBeVisibleAsync();
            await Assertions.Expect(wide.GetByRole(AriaRole.Link, new() { Name = "Filters", Exact = true })).ToBeHiddenAsync();
            var filterBox = (await filters.BoundingBoxAsync())!;
            var hitBox = (await first.BoundingBoxAsync())!;
            Assert.True(filterBox.X + filterBox.Width <= hitBox.X, $"The filters (x {filterBox.X}, width {filterBox.Width}) are left of the results (x {hitBox.X}).");
            Assert.True(filterBox.Y < hitBox.Y + hitBox.Height, "The filters start beside the results, not below them.");
        });
    }
}
