using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Journeys;

/// <summary>
/// Journeys 3 and 6: two members chat in their own browsers: messages cross within 2 seconds, both show online,
/// typing shows, and closing one browser shows its member offline; then the same by keyboard alone.
/// </summary>
public sealed class ChatJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly LocatorAssertionsToContainTextOptions WithinTwoSeconds = new() { Timeout = 2_000 };

    [Fact]
    public async Task TwoMembers_ChatLive_SeeEachOtherOnlineTypingAndGoingOffline()
    {
        var (amina, ben, chatPath) = await RoomAsync();
        var aminaPage = await host.SignedInPageAsync(amina);
        var benPage = await host.SignedInPageAsync(ben, width: 390);

        await Journey.RunAsync(aminaPage, async () =>
        {
            await OpenChatAsync(aminaPage, chatPath);
            await OpenChatAsync(benPage, chatPath);
            await Assertions.Expect(Presence(aminaPage, ben)).ToContainTextAsync("online");
            await Assertions.Expect(Presence(benPage, amina)).ToContainTextAsync("online");

            await aminaPage.Locator("#chat-draft").FillAsync("Shall we test the **new letter**?");
            await aminaPage.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(benPage.Locator(".chat-list")).ToContainTextAsync("Shall we test the new letter?", WithinTwoSeconds);
            await Assertions.Expect(benPage.Locator(".chat-list strong").Last).ToHaveTextAsync("new letter");

            await benPage.Locator("#chat-draft").PressSequentiallyAsync("Yes");
            await Assertions.Expect(aminaPage.Locator(".chat-typing")).ToContainTextAsync($"{ben.DisplayName} is typing", WithinTwoSeconds);
            await benPage.Locator("#chat-draft").PressAsync("Enter");
            await Assertions.Expect(aminaPage.Locator(".chat-list")).ToContainTextAsync("Yes", WithinTwoSeconds);
            await Assertions.Expect(aminaPage.Locator(".chat-typing")).ToBeEmptyAsync();

            await benPage.Context.CloseAsync();
            await Assertions.Expect(Presence(aminaPage, ben)).ToContainTextAsync("last seen");
        });
    }

    [Fact]
    public async Task KeyboardOnly_ReachesTheComposerWithVisibleFocus_MentionsAndSendsWithEnter()
    {
        var (amina, ben, chatPath) = await RoomAsync();
        var aminaPage = await host.SignedInPageAsync(amina);
        var benPage = await host.SignedInPageAsync(ben);

        await Journey.RunAsync(aminaPage, async () =>
        {
            await OpenChatAsync(benPage, chatPath);
            await OpenChatAsync(aminaPage, chatPath);

            // The router puts focus on the page's heading after navigating, so tabbing starts there: forward through the
            // group's tabs to the message box, each stop visibly focused.
            var stops = new List<string>();
            for (var i = 0; i < 40 && !await aminaPage.Locator("#chat-draft").EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            {
                await aminaPage.Keyboard.PressAsync("Tab");
                stops.Add(await aminaPage.EvaluateAsync<string>("() => document.activeElement.textContent.trim() || document.activeElement.id"));
                await AssertFocusVisibleAsync(aminaPage);
            }

            await Assertions.Expect(aminaPage.Locator("#chat-draft")).ToBeFocusedAsync();
            Assert.Equal(["About", "Discussions", "Members", "Chat"], stops.Take(4).Select(s => s.Split(' ')[0]));

            var send = aminaPage.GetByRole(AriaRole.Button, new() { Name = "Send" });
            var sendBefore = (await send.BoundingBoxAsync())!;
            await aminaPage.Keyboard.TypeAsync($"Thanks @{ben.DisplayName[..3]}");
            await Assertions.Expect(aminaPage.GetByRole(AriaRole.Option, new() { Name = $"@{ben.DisplayName}" })).ToBeVisibleAsync();
            // The suggestions open over the list, above the box, and leave the box and its Send button where they were.
            var suggestions = (await aminaPage.Locator("#chat-mentions").BoundingBoxAsync())!;
            var draft = (await aminaPage.Locator("#chat-draft").BoundingBoxAsync())!;
            Assert.True(suggestions.Y + suggestions.Height <= draft.Y, "The suggestions are not above the message box.");
            Assert.Equal(sendBefore.Y, (await send.BoundingBoxAsync())!.Y, 0.5);
            await aminaPage.Keyboard.PressAsync("Enter");
            await Assertions.Expect(aminaPage.Locator("#chat-draft")).ToHaveValueAsync($"Thanks @**{ben.DisplayName}** ");
            await aminaPage.Keyboard.TypeAsync("for the brief");
            await aminaPage.Keyboard.PressAsync("Enter");

            // A fast typist goes straight on: nothing typed while the message travels is lost or sent with it.
            await aminaPage.Keyboard.TypeAsync("Next");

            await Assertions.Expect(benPage.Locator(".chat-list")).ToContainTextAsync($"Thanks @{ben.DisplayName} for the brief", WithinTwoSeconds);
            await Assertions.Expect(benPage.Locator(".chat-message--mention")).ToHaveCountAsync(1);
            await Assertions.Expect(aminaPage.Locator("#chat-draft")).ToHaveValueAsync("Next");
            await Assertions.Expect(aminaPage.Locator("#chat-draft")).ToBeFocusedAsync();
            Assert.DoesNotContain("Next", await benPage.Locator(".chat-list").InnerTextAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UntilItsCircuitIsUp_TheComposerSaysItIsConnecting_AndTakesNoText_ThenSendsWhatIsTyped()
    {
        var (amina, ben, chatPath) = await RoomAsync();
        var aminaPage = await host.SignedInPageAsync(amina);
        var benPage = await host.SignedInPageAsync(ben);

        // Amina's circuit is held back, as a slow link or a busy server holds it: the prerendered page is all she has.
        // Text typed into that page's composer was thrown away when the live panel replaced it ("Thanks @Ben" once came
        // out as "ThanBen" in CI).
        var circuit = await HeldCircuit.HoldAsync(aminaPage);

        await Journey.RunAsync(aminaPage, async () =>
        {
            try
            {
                await OpenChatAsync(benPage, chatPath);
                await aminaPage.GotoAsync(chatPath);
                var draft = aminaPage.Locator("#chat-draft");
                await Assertions.Expect(aminaPage.Locator(".chat-list")).ToBeVisibleAsync();
                await Assertions.Expect(draft).ToBeDisabledAsync();
                await Assertions.Expect(aminaPage.Locator(".chat-composer [role=status]")).ToHaveTextAsync("Connecting the chat…");
                await Assertions.Expect(aminaPage.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeDisabledAsync();
            }
            finally
            {
                circuit.Release();
            }

            await Assertions.Expect(aminaPage.Locator("#chat-draft")).ToBeEnabledAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(aminaPage.Locator(".chat-composer [role=status]")).ToHaveCountAsync(0);
            await aminaPage.Locator("#chat-draft").FocusAsync();
            await aminaPage.Keyboard.TypeAsync("Typed the moment it opened");
            await aminaPage.Keyboard.PressAsync("Enter");
            await Assertions.Expect(benPage.Locator(".chat-list")).ToContainTextAsync("Typed the moment it opened", WithinTwoSeconds);
        });
    }

    [Fact]
    public async Task GoingLive_NeverBlanksTheMessagesThePrerenderedPageShows()
    {
        var (amina, ben, chatPath) = await RoomAsync();
        var aminaPage = await host.SignedInPageAsync(amina);
        var benPage = await host.SignedInPageAsync(ben);

        // Every change to Amina's page is watched from the start: once the prerendered messages are there, a moment
        // without them is counted. The live panel's first render replaced them with "Loading messages…" until the
        // loaded ones arrived, which on a slow link was a second or more of an empty chat.
        await VanishWatch.StartAsync(aminaPage, ".chat-list .chat-message");

        await Journey.RunAsync(aminaPage, async () =>
        {
            await OpenChatAsync(benPage, chatPath);
            await benPage.Locator("#chat-draft").FillAsync("Here before Amina");
            await benPage.Locator("#chat-draft").PressAsync("Enter");
            await Assertions.Expect(benPage.Locator(".chat-list")).ToContainTextAsync("Here before Amina");

            await OpenChatAsync(aminaPage, chatPath);
            await Assertions.Expect(aminaPage.Locator(".chat-list")).ToContainTextAsync("Here before Amina");
            Assert.Equal(0, await VanishWatch.MomentsAsync(aminaPage, ".chat-list .chat-message"));
        });
    }

    [Fact]
    public async Task APrerenderedChat_OpensAtItsNewestMessage_AndStaysThereAsItGoesLive()
    {
        var (amina, ben, chatPath) = await RoomAsync();
        var aminaPage = await host.SignedInPageAsync(amina);
        var benPage = await host.SignedInPageAsync(ben);

        // At every paint once the page has loaded, is the newest message in the list's view? The list showed the oldest
        // of the first page until the circuit was up, and jumped back to them when the live panel replaced it. (While
        // the page is still arriving, before its scripts have run, a paint can show the oldest: see chat-panel.js.)
        await aminaPage.AddInitScriptAsync("""
            (() => {
                window.pastTheNewest = 0;
                const check = () => {
                    const list = document.querySelector('.chat-panel .chat-list');
                    const last = list?.querySelector('.chat-message:last-of-type');
                    if (last && document.readyState !== 'loading') {
                        const [view, box] = [list.getBoundingClientRect(), last.getBoundingClientRect()];
                        if (box.bottom > view.bottom + 1) {
                            window.pastTheNewest++;
                        }
                    }
                    requestAnimationFrame(check);
                };
                requestAnimationFrame(check);
            })()
            """);

        await Journey.RunAsync(aminaPage, async () =>
        {
            await OpenChatAsync(benPage, chatPath);
            foreach (var topic in (string[])["Letters", "Defaults", "Reminders"])
            {
                // Tall messages, so the three of them overflow the list.
                await benPage.Locator("#chat-draft").FillAsync(string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"{topic}, point {i}.")));
                await benPage.Locator("#chat-draft").PressAsync("Enter");
                await Assertions.Expect(benPage.Locator(".chat-list")).ToContainTextAsync($"{topic}, point 12.");
            }

            var circuit = await HeldCircuit.HoldAsync(aminaPage);
            try
            {
                await aminaPage.GotoAsync(chatPath);
                await Assertions.Expect(aminaPage.Locator("#chat-draft")).ToBeDisabledAsync();
                await Assertions.Expect(aminaPage.GetByText("Reminders, point 12.")).ToBeInViewportAsync();
                await Assertions.Expect(aminaPage.GetByText("Letters, point 1.", new() { Exact = true })).Not.ToBeInViewportAsync();
            }
            finally
            {
                circuit.Release();
            }

            await Assertions.Expect(aminaPage.Locator("#chat-draft")).ToBeEnabledAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(aminaPage.GetByText("Reminders, point 12.")).ToBeInViewportAsync();
            Assert.Equal(0, await aminaPage.EvaluateAsync<int>("() => window.pastTheNewest"));
        });
    }

    [Fact]
    public async Task OwnMessage_EditedAndDeletedWithItsButtons_TheOtherSeesBoth()
    {
        var (amina, ben, chatPath) = await RoomAsync();
        var aminaPage = await host.SignedInPageAsync(amina);
        var benPage = await host.SignedInPageAsync(ben);

        await Journey.RunAsync(aminaPage, async () =>
        {
            await OpenChatAsync(aminaPage, chatPath);
            await OpenChatAsync(benPage, chatPath);
            await aminaPage.Locator("#chat-draft").FillAsync("Agenda with a tpyo");
            await aminaPage.Locator("#chat-draft").PressAsync("Enter");

            // The buttons are part of the message's markup; the panel's script hands their clicks to the panel.
            await aminaPage.Locator(".chat-message", new() { HasText = "Agenda with a tpyo" }).GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
            await Assertions.Expect(aminaPage.Locator("#chat-draft")).ToHaveValueAsync("Agenda with a tpyo");
            await aminaPage.Locator("#chat-draft").FillAsync("Agenda without a typo");
            await aminaPage.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(benPage.Locator(".chat-list")).ToContainTextAsync("Agenda without a typo", WithinTwoSeconds);
            await Assertions.Expect(benPage.Locator(".chat-message__edited")).ToHaveCountAsync(1);

            await aminaPage.Locator(".chat-message", new() { HasText = "Agenda without a typo" }).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(benPage.Locator(".chat-message__deleted")).ToHaveCountAsync(1);
        });
    }

    /// <summary>
    /// Where to write is on the first screen, its hint included, on a laptop, a short laptop window, a wide screen and a
    /// phone, with a group name that takes three lines on the phone (the message box began below the fold, and with the
    /// list's height a guess at what stands around it, the phone's hint did still); the list takes the height the screen
    /// leaves it, up to its greatest; a message's name and text are one block, without a paragraph's gap between them;
    /// and with a mouse a message's Edit and Delete show when it is pointed at, not under every message.
    /// </summary>
    [Theory]
    [InlineData(1280, 800, "Nudge unit")]
    [InlineData(1280, 640, "Nudge unit")]
    [InlineData(1920, 1080, "Nudge unit")]
    [InlineData(390, 844, "Nudge unit")]
    [InlineData(390, 844, "Inter-agency working group on behavioural insights for climate adaptation")]
    public async Task ChatPage_ShowsWhereToWriteOnTheFirstScreen_AndAMessagesActionsWhenPointedAt(int width, int height, string groupName)
    {
        var (amina, _, chatPath) = await RoomAsync(groupName);
        var page = await host.NewPageAsync(width: width, height: height);
        await Journey.RunAsync(page, async () =>
        {
            await BrowserHost.SignInAsync(page, amina);
            await OpenChatAsync(page, chatPath);
            await page.Locator("#chat-draft").FillAsync("Shall we meet on Thursday?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            var message = page.Locator(".chat-list .chat-message", new() { HasText = "Shall we meet on Thursday?" });
            await Assertions.Expect(message).ToBeVisibleAsync();

            await page.ReloadAsync();
            await OpenChatAsync(page, chatPath);
            Assert.Equal(0, await page.EvaluateAsync<double>("() => scrollY"));
            foreach (var place in new[] { page.Locator("#chat-draft"), page.GetByRole(AriaRole.Button, new() { Name = "Send" }), page.Locator("#chat-hint") })
            {
                var box = (await place.BoundingBoxAsync())!;
                Assert.True(box.Y + box.Height <= height, $"{await place.GetAttributeAsync("id") ?? "Send"} ends at {box.Y + box.Height} px, below the first {height} px.");
            }

            // Fitted once the panel is live, not while it said "Connecting the chat…" under the box (a line too short).
            var list = (await page.Locator(".chat-list").BoundingBoxAsync())!;
            var composer = (await page.Locator(".chat-composer").BoundingBoxAsync())!;
            Assert.True(list.Height >= 639 || height - (composer.Y + composer.Height) <= 32,
                $"The list is {list.Height} px high with {height - (composer.Y + composer.Height)} px of the screen left under the message box.");

            var head = (await message.Locator(".chat-message__head").BoundingBoxAsync())!;
            var body = (await message.Locator(".chat-message__body").BoundingBoxAsync())!;
            Assert.True(body.Y - (head.Y + head.Height) < 4, $"{body.Y - (head.Y + head.Height)} px between the name and the text.");

            if (width >= 1280)
            {
                var delete = message.GetByRole(AriaRole.Button, new() { Name = "Delete" });
                Assert.Equal("0", await delete.EvaluateAsync<string>("e => getComputedStyle(e.parentElement).opacity"));
                await message.HoverAsync();
                await Assertions.Expect(delete).ToHaveCSSAsync("opacity", "1");
                Assert.Equal("1", await delete.EvaluateAsync<string>("e => getComputedStyle(e.parentElement).opacity"));
            }
        });
    }

    /// <summary>
    /// In "Who is here" beside a laptop's chat, a state that does not fit beside a name takes the next line under the
    /// name, not under the presence dot (as "Demo Administrator" / "online" did).
    /// </summary>
    [Fact]
    public async Task WhoIsHere_AStateThatWraps_LinesUpWithTheName()
    {
        var member = await TestAccounts.CreateAsync(host.App, "Bartholomew Okafor");
        var group = await TestGroups.CreateAsync(host.App, GroupVisibility.Private, "Long names", (member, GroupRole.Owner));
        var page = await host.NewPageAsync(width: 1280, height: 800);
        await Journey.RunAsync(page, async () =>
        {
            await BrowserHost.SignInAsync(page, member);
            await OpenChatAsync(page, $"/groups/{group.Slug}/chat");
            var row = Presence(page, member);
            await Assertions.Expect(row.Locator(".who-is-here__state")).ToHaveTextAsync("online");
            var name = (await row.GetByText(member.DisplayName, new() { Exact = true }).BoundingBoxAsync())!;
            var state = (await row.Locator(".who-is-here__state").BoundingBoxAsync())!;
            Assert.True(state.Y >= name.Y + name.Height - 1, $"The state is beside the name (y {state.Y}, name y {name.Y}); the name is meant to leave it no room.");
            Assert.Equal(name.X, state.X, 1.0);
        });
    }

    private async Task<(ApplicationUser Amina, ApplicationUser Ben, string ChatPath)> RoomAsync(string groupName = "Nudge unit")
    {
        var amina = await TestAccounts.CreateAsync(host.App, $"Amina {Guid.NewGuid():N}"[..12]);
        var ben = await TestAccounts.CreateAsync(host.App, $"Ben {Guid.NewGuid():N}"[..10]);
        var group = await TestGroups.CreateAsync(host.App, GroupVisibility.Private, groupName, (amina, GroupRole.Owner), (ben, GroupRole.Member));
        return (amina, ben, $"/groups/{group.Slug}/chat");
    }

    /// <summary>
    /// Opens the chat and waits until its panel is live: its composer opens once the circuit is up and the panel has
    /// started. Up to 15 s, since a circuit starting while the whole suite runs took longer than Playwright's 5 s in CI.
    /// (It waited for someone shown online, which the prerendered page already shows: journeys then tabbed to and typed
    /// into the prerendered composer.)
    /// </summary>
    private static async Task OpenChatAsync(IPage page, string chatPath)
    {
        await page.GotoAsync(chatPath);
        await Assertions.Expect(page.Locator("#chat-draft")).ToBeEnabledAsync(new() { Timeout = 15_000 });
    }

    private static ILocator Presence(IPage page, ApplicationUser member) =>
        page.Locator(".who-is-here__member", new() { HasText = member.DisplayName });

    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string>(
            "() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth} | ${s.boxShadow}`; }");
        var visible = await page.EvaluateAsync<bool>(
            "() => { const s = getComputedStyle(document.activeElement); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }");
        var what = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 120)");
        Assert.True(visible, $"No visible focus on {what}: {style}");
    }
}
