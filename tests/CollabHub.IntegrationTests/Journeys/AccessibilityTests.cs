using System.Text;
using CollabHub.IntegrationTests.Discussions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.IntegrationTests.Library;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
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
    [InlineData("/library")]
    [InlineData("/library/collections")]
    [InlineData("/events")]
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
    [InlineData("/")]
    [InlineData("/notifications")]
    [InlineData("/notifications/settings")]
    [InlineData("/library/submit")]
    [InlineData("/events/mine")]
    public Task MemberPage_HasNoSeriousViolations_AndFits320Pixels(string path) =>
        CheckAsync(path, signedIn: true);

    [Fact]
    public async Task LibraryResourcePage_HasNoSeriousViolations_AndFits320Pixels()
    {
        var data = new Library.LibraryTestData(host.App);
        var member = await data.MemberAsync("Submitter");
        var moderator = await data.ModeratorAsync();
        var resource = await data.ApprovedAsync(member, moderator, Library.LibraryTestData.Form("Accessible resource"),
            Library.LibraryTestData.File("brief.pdf", Library.LibraryTestData.Pdf("An accessible brief.")));
        await CheckAsync($"/library/{resource.Slug}", signedIn: false);
        await CheckAsync($"/library?q=accessible", signedIn: false);
    }


    /// <summary>A group's pages as one of its members sees them, with a thread and chat messages in it; and a colleague's profile (with its Message button).</summary>
    [Theory]
    [InlineData("/groups/{slug}")]
    [InlineData("/groups/{slug}/discussions")]
    [InlineData("/groups/{slug}/discussions/{thread}")]
    [InlineData("/groups/{slug}/chat")]
    [InlineData("/messages")]
    [InlineData("/members/{colleague}")]
    public async Task GroupMemberPage_HasNoSeriousViolations_AndFits320Pixels(string template)
    {
        var data = new DiscussionTestData(host.App);
        var group = await data.GroupAsync(GroupVisibility.Private, name: "Behavioural insights");
        var reader = await data.MemberAsync(group, "Reader Member");
        var colleague = await data.MemberAsync(group, "Colleague Member");
        var thread = await data.ThreadAsync(group, colleague, "Letters that nudge", "Which **letter** worked best?");
        var chat = host.App.Services.GetRequiredService<ChatService>();
        var channel = await chat.OpenGroupChannelAsync(new ChatCaller(colleague.Id, false, null), group.Id, TestContext.Current.CancellationToken);
        await chat.SendAsync(new ChatCaller(colleague.Id, false, null), channel.ChannelId, Guid.NewGuid(), "Welcome, @**Reader Member**!", TestContext.Current.CancellationToken);
        var path = template.Replace("{slug}", group.Slug, StringComparison.Ordinal).Replace("{thread}", thread.ThreadId.ToString(), StringComparison.Ordinal)
            .Replace("{colleague}", colleague.Id, StringComparison.Ordinal);

        await CheckAsync(path, signedIn: true, reader);
    }

    [Fact]
    public async Task EventPages_HaveNoSeriousViolations_AndFit320Pixels()
    {
        var ev = await Events.TestEvents.CreateAsync(host.App, 20, title: "Evidence week: an accessible talk");
        var full = await Events.TestEvents.CreateAsync(host.App, 1, title: "A full talk");
        await Events.TestEvents.Registrations(host.App).RegisterAsync(
            Events.TestEvents.Viewer(await TestAccounts.CreateAsync(host.App, "Early bird")), full.Slug, TestContext.Current.CancellationToken);
        await CheckAsync("/" + Web.Features.Events.EventLinks.Page(ev.Slug), signedIn: false);
        await CheckAsync("/" + Web.Features.Events.EventLinks.Page(full.Slug), signedIn: true);
        var organiser = await TestAccounts.CreateAsync(host.App, "Organiser", Web.Features.Members.SiteRoles.Moderator);
        await CheckAsync("/" + Web.Features.Events.EventLinks.New, signedIn: true, organiser);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AppealPage_HasNoSeriousViolations_AndFits320Pixels(bool signedIn)
    {
        var moderator = await TestAccounts.CreateAsync(host.App, "Appeal issuer", CollabHub.Web.Features.Members.SiteRoles.Moderator);
        var slug = await Appeals.AppealTestData.CreateAsync(host.App, moderator, goal: 100);
        await CheckAsync($"/appeals/{slug}", signedIn);
    }

    /// <summary>
    /// On a phone the header leaves the screen to the page: an administrator's (the most links, a submission to review
    /// among them) takes at most a fifth of a 390 × 844 screen, with the account's links on the brand's row and every main link in full view (it took four
    /// rows, 245 px, when the account's links wrapped after the main ones).
    /// </summary>
    [Fact]
    public async Task Header_OnAPhone_TakesAFifthOfTheScreen_WithTheAccountBesideTheBrand()
    {
        await AdministratorsHeaderAsync("Phone Administrator", 390, 844, unreadMessages: 0, async (page, main) =>
        {
            var header = await BoxAsync(page.Locator("header.site-header"));
            Assert.True(header.Height <= 844 / 5.0, $"The header is {header.Height} px high, more than a fifth of the screen.");
            var brand = await BoxAsync(page.Locator("header .brand"));
            foreach (var account in new[]
            {
                page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }),
                page.GetByRole(AriaRole.Link, new() { Name = "Phone Administrator" }),
                page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }),
            })
            {
                await AssertOnTheBrandsRowAsync(account, brand, brand.Height);
            }

            foreach (var link in await main.GetByRole(AriaRole.Link).AllAsync())
            {
                var box = await BoxAsync(link);
                Assert.True(box.X >= 0 && box.X + box.Width <= 390 && box.Y + box.Height <= header.Y + header.Height,
                    $"{await link.TextContentAsync()} is not in full view in the header.");
            }
        });
    }

    /// <summary>
    /// On a laptop and on a wide screen a busy administrator's header is one row, with a submission to review and a
    /// dozen unread direct messages counted in it: the avatar alone names the account (the name is its tooltip and its
    /// accessible name). With the name beside it, the Messages and Admin links took a second row at 1280 px, and at
    /// 1920 px too, where the header is no wider (the page's width is capped); with the name gone, the Review link and
    /// the messages' count still took Admin to a second row at 1280 px, until the links stood closer together.
    /// </summary>
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1920, 1080)]
    public async Task Header_OnALaptopOrAWideScreen_IsOneRow_ForABusyAdministrator(int width, int height)
    {
        await AdministratorsHeaderAsync("Laptop Administrator", width, height, unreadMessages: 12, async (page, main) =>
        {
            await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Review" })).ToBeVisibleAsync();
            await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Messages" })).ToContainTextAsync("12");
            var account = page.GetByRole(AriaRole.Link, new() { Name = "Laptop Administrator", Exact = true });
            Assert.Equal("Laptop Administrator", await account.GetAttributeAsync("title"));

            var brand = await BoxAsync(page.Locator("header .brand"));
            foreach (var item in (await main.GetByRole(AriaRole.Link).AllAsync()).Append(account).Append(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })))
            {
                await AssertOnTheBrandsRowAsync(item, brand, brand.Height / 2);
            }
        });
    }

    /// <summary>On a phone the events' five filters sit two to a row, so the list starts on the first screen (one to a row, they took 440 of its 844 px).</summary>
    [Fact]
    public async Task EventFilters_OnAPhone_SitTwoToARow()
    {
        var page = await host.NewPageAsync(width: 390, height: 844);
        await Journey.RunAsync(page, async () =>
        {
            await page.GotoAsync("/events");
            var group = await BoxAsync(page.GetByLabel("Group"));
            var format = await BoxAsync(page.GetByLabel("Format"));
            var filters = await BoxAsync(page.GetByRole(AriaRole.Search, new() { Name = "Filter events" }));

            Assert.True(Math.Abs(group.Y - format.Y) < 1 && format.X > group.X + group.Width, "Group and format are not side by side.");
            Assert.True(filters.Height < 844 * 0.4, $"The filters are {filters.Height} px high.");
        });
    }

    /// <summary>
    /// On a phone a group's head leaves room for its sections: an owner's seven tabs take two rows (they took three), and
    /// the group's summary shows on the About tab only.
    /// </summary>
    [Fact]
    public async Task GroupHead_OnAPhone_TabsTakeTwoRows_AndTheSummaryIsAboutsAlone()
    {
        var owner = await TestAccounts.CreateAsync(host.App, "Tab Owner");
        var colleague = await TestAccounts.CreateAsync(host.App, "Tab Colleague");
        var group = await TestGroups.CreateAsync(host.App, GroupVisibility.Public, "Tabs on a phone",
            (owner, GroupRole.Owner), (colleague, GroupRole.Member));
        // Unread chat, so the Chat tab carries its count, as a lively group's does.
        var chat = host.App.Services.GetRequiredService<ChatService>();
        var channel = await chat.OpenGroupChannelAsync(new ChatCaller(colleague.Id, false, null), group.Id, TestContext.Current.CancellationToken);
        await chat.SendAsync(new ChatCaller(colleague.Id, false, null), channel.ChannelId, Guid.NewGuid(), "Anyone here?", TestContext.Current.CancellationToken);
        var page = await host.NewPageAsync(width: 390, height: 844);
        await Journey.RunAsync(page, async () =>
        {
            await BrowserHost.SignInAsync(page, owner);
            await page.GotoAsync($"/groups/{group.Slug}");
            var sections = page.GetByRole(AriaRole.Navigation, new() { Name = "Group sections" });
            await Assertions.Expect(sections.GetByRole(AriaRole.Link)).ToHaveCountAsync(7);
            await Assertions.Expect(sections.GetByRole(AriaRole.Link, new() { Name = "Chat" })).ToContainTextAsync("1");

            var rows = new HashSet<double>();
            foreach (var tab in await sections.GetByRole(AriaRole.Link).AllAsync())
            {
                rows.Add(Math.Round((await BoxAsync(tab)).Y));
            }

            Assert.True(rows.Count <= 2, $"The tabs take {rows.Count} rows.");
            await Assertions.Expect(page.GetByText("A group for a test.")).ToBeVisibleAsync();

            // On another tab the summary gives its place to the section.
            await sections.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
            await Assertions.Expect(sections.GetByRole(AriaRole.Link, new() { Name = "Members" })).ToHaveAttributeAsync("aria-current", "page");
            await Assertions.Expect(page.GetByText("A group for a test.")).ToBeHiddenAsync();
        });
    }

    /// <summary>
    /// The events' Upcoming and Past are tabs, as the groups' All and My groups are (they were two bare links: the tabs'
    /// style was the groups page's own), and an unread count on the messages page stands apart from its channel's name.
    /// </summary>
    [Fact]
    public async Task ScopeTabs_LookAlikeOnEventsAndGroups_AndUnreadCountsStandApart()
    {
        var member = await TestAccounts.CreateAsync(host.App, "Scope Reader");
        var colleague = await TestAccounts.CreateAsync(host.App, "Scope Colleague");
        var group = await TestGroups.CreateAsync(host.App, GroupVisibility.Public, "Scopes and counts", (member, GroupRole.Member), (colleague, GroupRole.Owner));
        var chat = host.App.Services.GetRequiredService<ChatService>();
        var channel = await chat.OpenGroupChannelAsync(new ChatCaller(colleague.Id, false, null), group.Id, TestContext.Current.CancellationToken);
        await chat.SendAsync(new ChatCaller(colleague.Id, false, null), channel.ChannelId, Guid.NewGuid(), "Welcome", TestContext.Current.CancellationToken);
        var page = await host.NewPageAsync(width: 1280, height: 800);
        await Journey.RunAsync(page, async () =>
        {
            await BrowserHost.SignInAsync(page, member);
            const string Style = "e => { const s = getComputedStyle(e); return [s.textDecorationLine, s.fontWeight, s.borderBottomStyle, s.borderBottomColor, s.paddingLeft].join(' '); }";
            await page.GotoAsync("/groups");
            var groupsTab = await page.GetByRole(AriaRole.Navigation, new() { Name = "Which groups" }).GetByRole(AriaRole.Link, new() { Name = "All groups" }).EvaluateAsync<string>(Style);
            await page.GotoAsync("/events");
            var upcoming = page.GetByRole(AriaRole.Navigation, new() { Name = "Which events" }).GetByRole(AriaRole.Link, new() { Name = "Upcoming" });
            await Assertions.Expect(upcoming).ToHaveAttributeAsync("aria-current", "page");

            Assert.StartsWith("none 600 solid", groupsTab, StringComparison.Ordinal);
            Assert.Equal(groupsTab, await upcoming.EvaluateAsync<string>(Style));

            await page.GotoAsync("/messages");
            var name = await BoxAsync(page.Locator(".chat-channels li").Filter(new() { HasText = "Scopes and counts" }).GetByRole(AriaRole.Link));
            var count = await BoxAsync(page.Locator(".chat-channels li").Filter(new() { HasText = "Scopes and counts" }).GetByText("1 unread"));
            Assert.True(count.X >= name.X + name.Width + 4, $"The count starts {count.X - (name.X + name.Width)} px after the name.");
        });
    }

    /// <summary>
    /// Styles that were one page's own (scoped CSS) apply wherever their markup is: Markdown quotes and tables in a
    /// profile's bio as in a post (a wide table scrolls inside itself on a phone, never the page), and the review
    /// queue's filters in one row as the library's are (they were stacked, each the page's full width).
    /// </summary>
    [Fact]
    public async Task SharedStyles_MarkdownInABio_AndTheReviewQueuesFilters()
    {
        var member = await TestAccounts.CreateAsync(host.App, "Bio Writer", SiteRoles.Member, SiteRoles.Administrator);
        var page = await host.NewPageAsync(width: 390, height: 844);
        await Journey.RunAsync(page, async () =>
        {
            await BrowserHost.SignInAsync(page, member);
            await page.GotoAsync("/Account/Manage");
            await page.GetByLabel("About you").FillAsync(
                "> Evidence before opinion.\n\n| Country office | Trial | Outcome measured | Sample | Effect | Published |\n|---|---|---|---|---|---|\n| Brazzaville | SMS reminders for second doses | Completed vaccinations | 12,000 | +4.1 points | 2026 |");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "See your profile as colleagues see it" }).ClickAsync();

            var quote = page.Locator(".profile-bio blockquote");
            await Assertions.Expect(quote).ToContainTextAsync("Evidence before opinion.");
            Assert.Equal("3px", await quote.EvaluateAsync<string>("e => getComputedStyle(e).borderInlineStartWidth"));
            await Assertions.Expect(page.Locator(".profile-bio table")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"),
                "The bio's table widens the page on a phone.");

            await page.SetViewportSizeAsync(1280, 800);
            await page.GotoAsync("/library/review");
            var where = await BoxAsync(page.GetByLabel("Where"));
            var type = await BoxAsync(page.GetByLabel("Type"));
            Assert.True(Math.Abs(where.Y - type.Y) < 1 && type.X > where.X + where.Width, "The review queue's filters are not side by side.");
        });
    }

    /// <summary>
    /// On a laptop the home page's library takes two columns beside the events (in one column its cards ran three
    /// screens down beside a few lines of events and an empty column), and a card's title keeps to one line; on a phone
    /// each section takes the whole width.
    /// </summary>
    [Fact]
    public async Task Home_OnALaptop_PutsTheLibraryInTwoColumnsBesideTheEvents()
    {
        var member = await TestAccounts.CreateAsync(host.App, "Home Reader");
        var page = await host.NewPageAsync(width: 1280, height: 800);
        await Journey.RunAsync(page, async () =>
        {
            await BrowserHost.SignInAsync(page, member);
            await page.GotoAsync("/");
            var library = await BoxAsync(page.GetByRole(AriaRole.Region, new() { Name = "From the library" }));
            var events = await BoxAsync(page.GetByRole(AriaRole.Region, new() { Name = "Your next events" }));
            Assert.True(Math.Abs(library.Y - events.Y) < 1 && events.X > library.X + library.Width, "The events are not beside the library.");
            Assert.True(library.Width > 1.9 * events.Width, $"The library is {library.Width} px wide, the events {events.Width} px.");
            // A card's title keeps its line, its link going under it when both do not fit (each took two lines side by side).
            var title = await BoxAsync(page.GetByRole(AriaRole.Heading, new() { Name = "Unread notifications" }));
            Assert.True(title.Height < 30, $"The notifications card's title is {title.Height} px high.");

            await page.SetViewportSizeAsync(390, 844);
            library = await BoxAsync(page.GetByRole(AriaRole.Region, new() { Name = "From the library" }));
            events = await BoxAsync(page.GetByRole(AriaRole.Region, new() { Name = "Your next events" }));
            Assert.True(events.Y > library.Y + library.Height && Math.Abs(library.Width - events.Width) < 1, "On a phone the sections are not one above the other.");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The home page is wider than a phone.");
        });
    }

    /// <summary>
    /// An administrator (the most links) signed in on a screen of the given size, on the groups page with the header
    /// drawn: a colleague's submission waits for their review (so the Review link shows, as in a lively hub), and
    /// <paramref name="unreadMessages"/> direct messages from colleagues are unread.
    /// </summary>
    private async Task AdministratorsHeaderAsync(string name, int width, int height, int unreadMessages, Func<IPage, ILocator, Task> check)
    {
        var admin = await TestAccounts.CreateAsync(host.App, name, SiteRoles.Member, SiteRoles.Administrator);
        var colleague = await TestAccounts.CreateAsync(host.App, $"{name} Colleague");
        await new LibraryTestData(host.App).SubmitAsync(colleague, LibraryTestData.Form($"Waiting for {name}"));
        // Direct messages pass between members who share a group; a new account sends at most three in ten seconds
        // to one conversation, so each colleague sends three.
        var chat = host.App.Services.GetRequiredService<ChatService>();
        for (var sent = 0; sent < unreadMessages; sent += 3)
        {
            var writer = await TestAccounts.CreateAsync(host.App, $"{name} Writer {sent}");
            await TestGroups.CreateAsync(host.App, GroupVisibility.Private, $"{name} circle {sent}", (admin, GroupRole.Owner), (writer, GroupRole.Member));
            var from = new ChatCaller(writer.Id, false, null);
            var channel = await chat.OpenDirectAsync(from, admin.Id, TestContext.Current.CancellationToken);
            for (var i = sent; i < Math.Min(sent + 3, unreadMessages); i++)
            {
                await chat.SendAsync(from, channel.ChannelId, Guid.NewGuid(), $"Question {i + 1}", TestContext.Current.CancellationToken);
            }
        }

        var page = await host.NewPageAsync(width: width, height: height);
        await Journey.RunAsync(page, async () =>
        {
            await BrowserHost.SignInAsync(page, admin);
            await page.GotoAsync("/groups");
            var main = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
            await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
            await check(page, main);
        });
    }

    /// <summary>That <paramref name="item"/>'s middle is within <paramref name="tolerance"/> of the brand's.</summary>
    private static async Task AssertOnTheBrandsRowAsync(ILocator item, LocatorBoundingBoxResult brand, double tolerance)
    {
        var box = await BoxAsync(item);
        Assert.True(Math.Abs(box.Y + (box.Height / 2) - (brand.Y + (brand.Height / 2))) < tolerance,
            $"{await item.TextContentAsync()} is not on the brand's row (y {box.Y}, brand y {brand.Y}).");
    }

    /// <summary>Where <paramref name="locator"/>'s element is drawn, once it is: a live island is briefly not, as its live copy replaces the prerendered one.</summary>
    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator)
    {
        LocatorBoundingBoxResult? box = null;
        await Eventually.WaitAsync(async () => (box = await locator.BoundingBoxAsync()) is not null, $"{locator} to be drawn");
        return box!;
    }

    private async Task CheckAsync(string path, bool signedIn, ApplicationUser? account = null)
    {
        foreach (var width in new[] { 1280, 320 })
        {
            var page = await host.NewPageAsync(width);
            await Journey.RunAsync(page, async () =>
            {
                if (signedIn)
                {
                    await BrowserHost.SignInAsync(page, account ?? await TestAccounts.CreateAsync(host.App, "Reader"));
                }

                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

                var results = await page.RunAxe(Wcag21AA);
                var blocking = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
                // Kept with the run only where axe found something: an attachment for every page and width filled the
                // runner's closing summary and pushed the failed tests out of the tail of the CI log.
                if (results.Violations.Length > 0)
                {
                    TestContext.Current.AddAttachment($"axe {path} {width}px", Report(results.Violations));
                }

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
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"    {node.Target} {node.Html}: {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}\n");
            }
        }

        return text.Length == 0 ? "no violations" : text.ToString();
    }
}
