using System.Text;
using CollabHub.IntegrationTests.Events;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Members;
using Microsoft.Playwright;
using MimeKit;

namespace CollabHub.IntegrationTests.Journeys;

/// <summary>
/// Journey: an event with two seats; three members register in their own browsers and the third is waitlisted. The
/// first cancels; the third, reloading, is confirmed and receives the mail with the calendar invitation over SMTP.
/// </summary>
public sealed class EventJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TwoSeatsThreeMembers_FirstCancels_ThirdIsPromotedAndGetsTheInvitation()
    {
        var ev = await TestEvents.CreateAsync(host.App, 2, title: $"Seats for two {Guid.NewGuid():N}"[..22]);
        var people = new List<ApplicationUser>();
        var pages = new List<IPage>();
        foreach (var name in new[] { "Amina Diallo", "Kenji Watanabe", "Priya Nair" })
        {
            var account = await TestAccounts.CreateAsync(host.App, name);
            people.Add(account);
            pages.Add(await host.SignedInPageAsync(account));
        }

        var path = "/" + EventLinks.Page(ev.Slug);
        await Journey.RunAsync(pages[0], async () =>
        {
            foreach (var page in pages.Take(2))
            {
                await page.GotoAsync(path);
                await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
                await Assertions.Expect(page.GetByText("You're registered.", new() { Exact = true })).ToBeVisibleAsync();
            }

            var third = pages[2];
            await third.GotoAsync(path);
            await Assertions.Expect(third.GetByText("All 2 seats are taken")).ToBeVisibleAsync();
            await third.GetByRole(AriaRole.Button, new() { Name = "Join the waitlist" }).ClickAsync();
            await Assertions.Expect(third.GetByText("You're number 1 on the waitlist.")).ToBeVisibleAsync();

            await pages[0].GetByRole(AriaRole.Button, new() { Name = "Cancel my registration" }).ClickAsync();
            await Assertions.Expect(pages[0].GetByText("Your registration is cancelled.")).ToBeVisibleAsync();

            await third.ReloadAsync();
            await Assertions.Expect(third.GetByText("You're registered.", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(third.GetByText("https://meet.example.org/t")).ToBeVisibleAsync();
        });

        MimeMessage? promotion = null;
        await Eventually.WaitAsync(
            () => (promotion = host.Smtp.Received.FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => a.Address == people[2].Email) && m.Subject?.StartsWith("A seat freed up", StringComparison.Ordinal) == true)) is not null,
            "the promotion mail to arrive over SMTP");
        var invitation = Assert.IsAssignableFrom<MimePart>(Assert.Single(promotion!.Attachments));
        Assert.Equal("text/calendar", invitation.ContentType.MimeType);
        using var content = new MemoryStream();
        await invitation.Content!.DecodeToAsync(content, TestContext.Current.CancellationToken);
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(ev.Title, Assert.Single(calendar.Events).Summary);
    }
}
