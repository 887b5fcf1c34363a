using System.Net;
using CollabHub.IntegrationTests.Groups;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Events;

/// <summary>The event pages and their buttons over HTTP, as members use them.</summary>
public sealed class EventPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Register_ThroughThePage_ConfirmsShowsTheJoinLinkAndMailsAnInvitation()
    {
        var ev = await TestEvents.CreateAsync(fixture.App, 2, title: "Nudging pension savings");
        using var browser = await TestAccounts.SignInNewMemberAsync(fixture.App);

        var before = await browser.OpenAsync(EventLinks.Page(ev.Slug));
        Assert.Contains("2 of 2 seats left", before.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://meet.example.org/t", before.Html, StringComparison.Ordinal);

        var after = await browser.PostActionAsync(before, EventLinks.Action(ev.Slug, "register"));

        Assert.Equal("You're registered. A confirmation with a calendar invitation is on its way.", after.StatusMessage());
        Assert.Contains("1 of 2 seats left", after.MainText(), StringComparison.Ordinal);
        Assert.Contains("https://meet.example.org/t", after.Html, StringComparison.Ordinal);
        await using var db = await TestEvents.ContextAsync(fixture.App);
        var mail = await db.OutboxEmails.Include(m => m.Attachments).SingleAsync(m => m.ToAddress == browser.Account.Email, TestContext.Current.CancellationToken);
        Assert.Equal("You're registered: Nudging pension savings", mail.Subject);
        var invitation = Assert.Single(mail.Attachments);
        Assert.Contains("method=REQUEST", invitation.ContentType, StringComparison.Ordinal);
        Assert.Contains(await db.Notifications.Select(n => n.Kind).ToListAsync(TestContext.Current.CancellationToken), k => k == CollabHub.Web.Features.Notifications.NotificationKind.EventConfirmed);
    }

    /// <summary>Counts in the thousands read with their separators ("2,500 of 2,500 seats left"), on this page as in every count.</summary>
    [Fact]
    public async Task LargeCounts_ReadWithTheirThousandsSeparated()
    {
        var ev = await TestEvents.CreateAsync(fixture.App, 2500, title: "A high-level virtual meeting");
        using var browser = await TestAccounts.SignInNewMemberAsync(fixture.App);

        var page = await browser.OpenAsync(EventLinks.Page(ev.Slug));

        Assert.Contains("2,500 of 2,500 seats left", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ShowsTheMembersNextEvents_AtTheirOwnZonesTime_AndNotOnesTheySkipped()
    {
        // 06:00-07:00 UTC, the day after tomorrow: 15:00-16:00 in Tokyo (no summer time there).
        var day = DateTimeOffset.UtcNow.Date.AddDays(2);
        var startsIn = new DateTimeOffset(day.AddHours(6), TimeSpan.Zero) - DateTimeOffset.UtcNow;
        var mine = await TestEvents.CreateAsync(fixture.App, 10, startsIn: startsIn, title: "Choice architecture clinic");
        var skipped = await TestEvents.CreateAsync(fixture.App, 10, startsIn: startsIn, title: "A clinic nobody here chose");
        using var browser = await TestAccounts.SignInNewMemberAsync(fixture.App);
        await using (var db = await TestEvents.ContextAsync(fixture.App))
        {
            var profile = MemberProfile.For(browser.Account.Id);
            profile.Apply(new ProfileChanges("Tokyo Member", null, null, "", "", "", [], [], "Asia/Tokyo"), DateTimeOffset.UtcNow);
            db.MemberProfiles.Add(profile);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(browser.Account), mine.Slug, TestContext.Current.CancellationToken);

        var home = await browser.OpenAsync("/");

        var section = home.QuerySelector("#events-home-title")!.ParentElement!;
        Assert.Equal("Your next events", home.QuerySelector("#events-home-title")!.TextContent);
        var card = Assert.Single(section.QuerySelectorAll(".event-card"));
        Assert.Equal("Choice architecture clinic", card.QuerySelector(".event-card__title")!.TextContent);
        Assert.Equal("15:00–16:00", card.QuerySelector(".event-card__time")!.TextContent.Trim());
        Assert.DoesNotContain(skipped.Title, section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WhenFull_OffersTheWaitlistAndShowsThePosition()
    {
        var ev = await TestEvents.CreateAsync(fixture.App, 1);
        var first = (await TestEvents.MembersAsync(fixture.App, 1))[0];
        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(first), ev.Slug, TestContext.Current.CancellationToken);
        using var browser = await TestAccounts.SignInNewMemberAsync(fixture.App);

        var page = await browser.OpenAsync(EventLinks.Page(ev.Slug));
        Assert.Contains("Join the waitlist", page.MainText(), StringComparison.Ordinal);
        var after = await browser.PostActionAsync(page, EventLinks.Action(ev.Slug, "register"));

        Assert.Equal("All seats are taken: you are number 1 on the waitlist.", after.StatusMessage());
        Assert.Contains("You're number 1 on the waitlist.", after.MainText(), StringComparison.Ordinal);
        Assert.Contains("1 on the waitlist", after.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_EventFile_ParsesWithTheEventsUtcTimes()
    {
        var ev = await TestEvents.CreateAsync(fixture.App, null);
        using var browser = new TestBrowser(fixture.App);

        var response = await browser.Client.GetAsync(EventLinks.Download(ev.Slug), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var component = Assert.Single(calendar.Events);
        Assert.Equal(ev.StartsAt.UtcDateTime, component.Start!.AsUtc, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task MemberFeed_ListsConfirmedEvents_AndANewAddressRevokesTheOld()
    {
        var ev = await TestEvents.CreateAsync(fixture.App, 5, title: "Feed me");
        using var browser = await TestAccounts.SignInNewMemberAsync(fixture.App);
        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(browser.Account), ev.Slug, TestContext.Current.CancellationToken);

        var first = await FeedUrlAsync(browser);
        var feed = await browser.Client.GetStringAsync(first, TestContext.Current.CancellationToken);
        Assert.Contains("SUMMARY:Feed me", feed, StringComparison.Ordinal);

        var second = await FeedUrlAsync(browser);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(first, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(second, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Create_ByGroupModerator_DraftThenPublishThenMoveSendsUpdatedInvitations()
    {
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Organiser");
        var group = await TestGroups.CreateAsync(fixture.App, CollabHub.Web.Features.Groups.GroupVisibility.Public, "Evaluators", (moderator, CollabHub.Web.Features.Groups.GroupRole.Moderator));
        using var browser = await TestAccounts.SignInAsync(fixture.App, moderator);

        var created = await browser.SubmitFormAsync($"{EventLinks.New}?group={group.Slug}", "event", new Dictionary<string, string>
        {
            ["Input.Title"] = "Evaluation clinic",
            ["Input.Description"] = "Bring your **logframe**.",
            ["Input.Start"] = "2027-03-27T10:00",
            ["Input.End"] = "2027-03-27T11:30",
            ["Input.TimeZoneId"] = "Europe/Zurich",
            ["Input.Format"] = "Online",
            ["Input.Capacity"] = "10",
        });
        var draft = created;
        Assert.Contains("Draft: only organisers see it", draft.MainText(), StringComparison.Ordinal);
        var slug = draft.Url.AbsolutePath.TrimStart('/')["events/".Length..];
        using (var other = await TestAccounts.SignInNewMemberAsync(fixture.App))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(EventLinks.Page(slug))).Status);
        }

        var published = await browser.PostActionAsync(draft, EventLinks.Action(slug, "publish"));
        Assert.StartsWith("Published", published.StatusMessage(), StringComparison.Ordinal);
        var attendee = (await TestEvents.MembersAsync(fixture.App, 1))[0];
        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(attendee), slug, TestContext.Current.CancellationToken);

        var edit = await browser.OpenAsync(EventLinks.Edit(slug));
        var saved = await browser.SubmitFormAsync(edit, "event", new Dictionary<string, string> { ["Input.Start"] = "2027-03-28T10:00", ["Input.End"] = "2027-03-28T11:30" });

        Assert.Equal("Saved. Confirmed registrants are sent the updated invitation.", saved.StatusMessage());
        Assert.Contains("Changed: Evaluation clinic", await TestEvents.MailSubjectsAsync(fixture.App, attendee));
        await using var db = await TestEvents.ContextAsync(fixture.App);
        var stored = await db.Events.SingleAsync(e => e.Slug == slug, TestContext.Current.CancellationToken);
        // 28 March 2027 is after Europe's change to summer time: 10:00 in Zurich is 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.Zero), stored.StartsAt);
    }

    [Fact]
    public async Task Cancel_ByOrganiser_TellsEveryoneWithACalendarCancellation()
    {
        var organiser = await TestAccounts.CreateAsync(fixture.App, "Site organiser", SiteRoles.Moderator);
        var ev = await TestEvents.CreateAsync(fixture.App, 1, title: "Called off");
        var people = await TestEvents.MembersAsync(fixture.App, 2);
        foreach (var person in people)
        {
            await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(person), ev.Slug, TestContext.Current.CancellationToken);
        }

        using var browser = await TestAccounts.SignInAsync(fixture.App, organiser);
        var page = await browser.PostActionAsync(await browser.OpenAsync(EventLinks.Page(ev.Slug)), EventLinks.Action(ev.Slug, "cancel"));

        Assert.Equal("The event is cancelled and everyone registered has been told.", page.StatusMessage());
        await using var db = await TestEvents.ContextAsync(fixture.App);
        foreach (var person in people)
        {
            var mail = await db.OutboxEmails.Include(m => m.Attachments).Where(m => m.ToAddress == person.Email && m.Subject == "Cancelled: Called off")
                .SingleAsync(TestContext.Current.CancellationToken);
            Assert.Contains("method=CANCEL", Assert.Single(mail.Attachments).ContentType, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cancel_Programme_CancelsItsSessionsAndTellsTheirRegistrants()
    {
        var organiser = await TestAccounts.CreateAsync(fixture.App, "Programme organiser", SiteRoles.Moderator);
        var week = await TestEvents.CreateAsync(fixture.App, null, title: "A week of talks");
        var session = await TestEvents.CreateAsync(fixture.App, 10, title: "Tuesday talk");
        await using (var db = await TestEvents.ContextAsync(fixture.App))
        {
            await db.Events.Where(e => e.Id == week.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.IsSeries, true), TestContext.Current.CancellationToken);
            await db.Events.Where(e => e.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.SeriesId, week.Id), TestContext.Current.CancellationToken);
        }

        var person = (await TestEvents.MembersAsync(fixture.App, 1))[0];
        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(person), session.Slug, TestContext.Current.CancellationToken);

        var outcome = await TestEvents.Events(fixture.App).CancelAsync(TestEvents.Viewer(organiser, siteModerator: true), week.Slug, TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(EventStatus.Cancelled, (await TestEvents.ReloadAsync(fixture.App, session)).Status);
        Assert.Contains("Cancelled: Tuesday talk", await TestEvents.MailSubjectsAsync(fixture.App, person));
    }

    [Fact]
    public async Task Attendees_CsvForOrganisers_NotFoundForOthers()
    {
        var organiser = await TestAccounts.CreateAsync(fixture.App, "Csv organiser");
        var ev = await TestEvents.CreateAsync(fixture.App, 10, creator: organiser);
        var person = (await TestEvents.MembersAsync(fixture.App, 1, "=cmd"))[0];
        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(person), ev.Slug, TestContext.Current.CancellationToken);

        using var browser = await TestAccounts.SignInAsync(fixture.App, organiser);
        var csv = await browser.Client.GetStringAsync($"events/{ev.Slug}/attendees.csv", TestContext.Current.CancellationToken);
        Assert.Contains($"\"'{person.DisplayName}\",\"'{person.Email}\",\"Confirmed\"", csv, StringComparison.Ordinal);

        using var other = await TestAccounts.SignInNewMemberAsync(fixture.App);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"events/{ev.Slug}/attendees.csv", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(EventLinks.Attendees(ev.Slug))).Status);
    }

    [Fact]
    public async Task Attendees_PagePastTheLast_ShowsTheLastPage()
    {
        var organiser = await TestAccounts.CreateAsync(fixture.App, "Paging organiser");
        var ev = await TestEvents.CreateAsync(fixture.App, 10, creator: organiser);
        var person = (await TestEvents.MembersAsync(fixture.App, 1))[0];
        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(person), ev.Slug, TestContext.Current.CancellationToken);
        using var browser = await TestAccounts.SignInAsync(fixture.App, organiser);

        // A link kept from when more had registered: the list's end, with the actions' forms coming back to it.
        var page = await browser.OpenAsync($"{EventLinks.Attendees(ev.Slug)}?page=3");

        Assert.Contains(person.DisplayName, page.MainText(), StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("input[name=page]"), input => Assert.Equal("1", input.GetAttribute("value")));
        Assert.NotEmpty(page.QuerySelectorAll("input[name=page]"));
    }

    private static async Task<string> FeedUrlAsync(TestBrowser browser)
    {
        var mine = await browser.OpenAsync(EventLinks.Mine);
        var page = await browser.SubmitAsync(mine.FormPostingTo("events/calendar-feed"));
        var url = page.QuerySelector(".event-feed-url")?.TextContent ?? throw new InvalidOperationException("No feed address shown.");
        return new Uri(url).PathAndQuery;
    }
}
