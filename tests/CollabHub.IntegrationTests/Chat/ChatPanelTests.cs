using System.Globalization;
using Bunit;
using CollabHub.Web.Features.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// The whole chat panel rendered with bUnit on the real chat service, live events and database of the test app: what
/// a member sees and does, and what others' messages do to it.
/// </summary>
public sealed class ChatPanelTests(ChatAppFixture fixture) : ChatPanelContext(fixture), IClassFixture<ChatAppFixture>
{
    [Fact]
    public async Task History_IsGroupedByAuthorAndMinute_WithDaySeparatorsInTheViewersTimeZone()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        await room.SeedAsync(
            (room.Amina, new DateTimeOffset(2026, 3, 1, 22, 30, 5, TimeSpan.Zero), "First thought"),
            (room.Amina, new DateTimeOffset(2026, 3, 1, 22, 30, 40, TimeSpan.Zero), "Same minute"),
            (room.Ben, new DateTimeOffset(2026, 3, 1, 22, 30, 50, TimeSpan.Zero), "Ben answers"),
            (room.Ben, new DateTimeOffset(2026, 3, 1, 23, 5, 0, TimeSpan.Zero), "After midnight in Zurich"));

        var panel = await RenderPanelAsync(room, room.Amina, "Europe/Zurich");

        var items = panel.FindAll(".chat-message");
        Assert.Equal(["First thought", "Same minute", "Ben answers", "After midnight in Zurich"], items.Select(i => i.QuerySelector(".chat-message__body")!.TextContent.Trim()));
        Assert.Equal(3, panel.FindAll(".chat-message__head").Count);
        Assert.Equal(["Sunday 1 March 2026", "Monday 2 March 2026"], panel.FindAll(".chat-day").Select(d => d.TextContent.Trim()));
        Assert.Equal("23:30", items[0].QuerySelector("time")!.TextContent);
    }

    [Fact]
    public async Task ATabsReaders_AreTheCopyKeptForTheChannel_SoAnotherTabSharesThem_AndWhoIsHereListsThemAll()
    {
        var room = await ChatPanelHarness.RoomAsync(App);

        var panel = await RenderPanelAsync(room, room.Amina);

        // The readers as another tab (Ben's) loads them: the list Amina's tab kept is handed back, not this one.
        var loaded = await App.Services.GetRequiredService<ChatService>().MembersAsync(
            ChatPanelHarness.Caller(room.Ben), room.ChannelId, Xunit.TestContext.Current.CancellationToken);
        var kept = Services.GetRequiredService<ChatMessageHtmlCache>().Readers(room.ChannelId, loaded);
        Assert.NotSame(loaded, kept.Members);
        Assert.Equal(loaded, kept.Members);
        var names = loaded.Select(m => m.DisplayName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { room.Amina.DisplayName, room.Ben.DisplayName }.Order(StringComparer.Ordinal), names);
        Assert.Equal(names, panel.FindAll(".who-is-here__who > span:first-child").Select(n => n.TextContent).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task WhileItsMessagesLoad_ThePanelRendersNothing_SoThePrerenderedOneStays_AndDoesNotStart()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        await room.SendAsync(room.Ben, "Before Amina came");
        IRenderedComponent<ChatPanel> panel;
        await using (await room.HoldMessagesAsync())
        {
            panel = RenderLoadingPanel(room, room.Amina);
            await room.WaitUntilMessagesAreAwaitedAsync();

            // Its channel is found by now, and its history waits: a message sent or heard now would come before it.
            // Nothing is rendered, so in a browser the prerendered panel stays on screen (a "loading" render blanked
            // it). Rendered again meanwhile (as a page may), it still waits, and loads once.
            await panel.InvokeAsync(() => { });
            Assert.Equal("", panel.Markup.Trim());
            panel.Render();
            Assert.Equal("", panel.Markup.Trim());
            Assert.DoesNotContain(await panel.InvokeAsync(() => JSInterop.Invocations.Select(i => i.Identifier).ToList()), id => id.StartsWith("collabHubChat.", StringComparison.Ordinal));
        }

        panel.WaitForAssertion(() => Assert.Equal("Before Amina came", Assert.Single(panel.FindAll(".chat-message__body")).TextContent.Trim()), ChatTestClient.Timeout);
        Assert.Single(panel.FindAll("form.chat-composer"));
    }

    [Fact]
    public async Task EmptyChannel_SaysSo_UntilTheFirstMessageArrives()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var panel = await RenderPanelAsync(room, room.Amina);

        Assert.Equal("No messages yet. Write the first one below.", panel.Find(".chat-list .chat-empty").TextContent.Trim());

        await room.SendAsync(room.Ben, "The first word");

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".chat-message")), ChatTestClient.Timeout);
        Assert.Empty(panel.FindAll(".chat-empty"));
    }

    [Fact]
    public async Task MessageFromAnother_AppearsLive_AndIsAnnouncedPolitely()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var panel = await RenderPanelAsync(room, room.Amina);

        await room.SendAsync(room.Ben, "Fresh from Ben");

        panel.WaitForAssertion(() => Assert.Contains("Fresh from Ben", panel.Find(".chat-list").TextContent, StringComparison.Ordinal), ChatTestClient.Timeout);
        var live = panel.Find("[aria-live='polite']");
        Assert.Contains("Fresh from Ben", live.TextContent, StringComparison.Ordinal);
        Assert.Single(panel.FindAll(".chat-message"));
    }

    [Fact]
    public async Task ScrolledUp_NewMessagesAreCounted_AndJumpingToLatestMarksThemRead()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var panel = await RenderPanelAsync(room, room.Amina);
        await panel.InvokeAsync(() => panel.Instance.ScrolledAsync(false));

        await room.SendAsync(room.Ben, "One");
        await room.SendAsync(room.Ben, "Two");

        panel.WaitForAssertion(() => Assert.Equal("Jump to latest (2 new)", panel.Find(".chat-jump").TextContent.Trim()), ChatTestClient.Timeout);
        Assert.Equal(2, await room.UnreadAsync(room.Amina));
        await Retry(() => panel.Find(".chat-jump").ClickAsync(new()));
        Assert.Empty(panel.FindAll(".chat-jump"));
        Assert.Equal(0, await room.UnreadAsync(room.Amina));
    }

    [Fact]
    public async Task OwnMessages_CanBeEditedAndDeleted_OthersCannot()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        await room.SendAsync(room.Ben, "Ben's words");
        await room.SendAsync(room.Amina, "Amina's typo");
        var panel = await RenderPanelAsync(room, room.Amina);

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".chat-message").Count), ChatTestClient.Timeout);
        var (bens, aminas) = (panel.FindAll(".chat-message")[0], panel.FindAll(".chat-message")[1]);
        Assert.Empty(bens.QuerySelectorAll("button"));
        Assert.Equal(["Edit", "Delete"], aminas.QuerySelectorAll("button").Select(b => b.TextContent));

        await ClickAsync(panel, panel.FindAll(".chat-message")[1], "Edit");
        Assert.Equal("Amina's typo", panel.Find("textarea").GetAttribute("value"));
        await Type(panel, "Amina's fix");
        await Retry(() => panel.Find("form.chat-composer").SubmitAsync());

        panel.WaitForAssertion(() => Assert.Contains("Amina's fix", panel.FindAll(".chat-message")[1].TextContent, StringComparison.Ordinal));
        Assert.Contains("(edited)", panel.FindAll(".chat-message")[1].TextContent, StringComparison.Ordinal);
        await ClickAsync(panel, panel.FindAll(".chat-message")[1], "Delete");
        panel.WaitForAssertion(() => Assert.Equal("This message was deleted.", panel.Find(".chat-message__deleted").TextContent));
        Assert.Empty(panel.FindAll(".chat-message")[1].QuerySelectorAll("button"));
    }

    [Fact]
    public async Task Refusal_IsShownToTheSender_AndNothingIsStored()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var panel = await RenderPanelAsync(room, room.Amina);

        await Type(panel, "   ");
        await Retry(() => panel.Find("form.chat-composer").SubmitAsync());

        Assert.Equal("Write something before sending.", panel.Find("#chat-error[role='alert']").TextContent);
        Assert.Equal(0, await room.LastSeqAsync());
        Assert.Empty(panel.FindAll(".chat-message"));
    }

    [Fact]
    public async Task Send_AppendsTheMessageOnce()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var panel = await RenderPanelAsync(room, room.Amina);

        await Type(panel, "Hello *team*");
        await Retry(() => panel.Find("form.chat-composer").SubmitAsync());

        panel.WaitForAssertion(() => Assert.Equal("team", panel.Find(".chat-message__body em").TextContent));
        Assert.Equal(1, await room.LastSeqAsync());
        Assert.Single(panel.FindAll(".chat-message"));
        Assert.Equal("", panel.Find("textarea").GetAttribute("value"));
    }

    [Fact]
    public async Task TextTypedWhileAMessageTravels_StaysInTheComposer_AsTheNextMessage()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var panel = await RenderPanelAsync(room, room.Amina);

        // Enter hands the text over and the send goes to the database; the member keeps typing meanwhile.
        var sending = panel.InvokeAsync(() => panel.Instance.SendTextAsync("First thought"));
        await Type(panel, "Second thou");
        await sending;

        panel.WaitForAssertion(() => Assert.Equal("First thought", panel.Find(".chat-message__body").TextContent.Trim()), ChatTestClient.Timeout);
        Assert.Equal("Second thou", panel.Find("textarea").GetAttribute("value"));
        Assert.Equal(1, await room.LastSeqAsync());
    }

    [Fact]
    public async Task RefusedEnter_GivesTheTextBack_WithTheReason()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var panel = await RenderPanelAsync(room, room.Amina);
        var tooLong = new string('a', ChatMessage.BodyMaxLength + 1);

        await panel.InvokeAsync(() => panel.Instance.SendTextAsync(tooLong));

        Assert.NotEmpty(panel.Find("#chat-error[role='alert']").TextContent);
        Assert.Equal(tooLong, panel.Find("textarea").GetAttribute("value"));
        Assert.Equal(0, await room.LastSeqAsync());
    }

    [Fact]
    public async Task AtAndLetters_SuggestTheChannelsReaders_AndTheKeyboardInsertsTheMention()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var panel = await RenderPanelAsync(room, room.Amina);

        await Type(panel, $"Thanks @{room.Ben.DisplayName[..3]}");

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("#chat-mentions")), ChatTestClient.Timeout);
        var option = panel.Find("#chat-mentions [role='option']");
        Assert.Equal($"@{room.Ben.DisplayName}", option.TextContent);
        Assert.Equal("true", option.GetAttribute("aria-selected"));
        Assert.Equal(option.Id, panel.Find("textarea").GetAttribute("aria-activedescendant"));
        await panel.InvokeAsync(() => panel.Instance.MentionKey("Enter"));
        Assert.Equal($"Thanks @**{room.Ben.DisplayName}** ", panel.Find("textarea").GetAttribute("value"));
        Assert.Empty(panel.FindAll("#chat-mentions"));
    }

    [Fact]
    public async Task EarlierMessagesAskedForTwiceAtOnce_AreShownOnce()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await room.SeedAsync([.. Enumerable.Range(1, 60).Select(i => (room.Ben, start.AddMinutes(i), $"Message {i}"))]);
        var panel = await RenderPanelAsync(room, room.Amina);
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll(".chat-older")), ChatTestClient.Timeout);

        // The "Show earlier messages" button and the script's observer of the top can both ask before the first load ends.
        await panel.InvokeAsync(() => Task.WhenAll(panel.Instance.LoadOlderAsync(), panel.Instance.LoadOlderAsync()));

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll(".chat-older")), ChatTestClient.Timeout);
        Assert.Equal(
            Enumerable.Range(1, 60).Select(i => $"Message {i}"),
            panel.FindAll(".chat-message__body").Select(b => b.TextContent.Trim()));
    }

    /// <summary>What the panel's script does with a click on a message's button: hands its action and the message's number over.</summary>
    private static Task ClickAsync(IRenderedComponent<ChatPanel> panel, AngleSharp.Dom.IElement item, string label)
    {
        var action = item.QuerySelectorAll("button[data-chat-action]").Single(b => b.TextContent == label).GetAttribute("data-chat-action")!;
        var seq = long.Parse(item.GetAttribute("data-seq")!, CultureInfo.InvariantCulture);
        return panel.InvokeAsync(() => panel.Instance.MessageActionAsync(action, seq));
    }

    [Fact]
    public async Task MessageActionForAnothersMessage_DoesNothing()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        var bens = await room.SendAsync(room.Ben, "Ben's words");
        var panel = await RenderPanelAsync(room, room.Amina);

        // A button the page never showed her, asked for by hand: the panel checks again (and the service would refuse).
        await panel.InvokeAsync(() => panel.Instance.MessageActionAsync("delete", bens.Seq));
        await panel.InvokeAsync(() => panel.Instance.MessageActionAsync("edit", bens.Seq));

        Assert.Equal("Ben's words", panel.Find(".chat-message__body").TextContent.Trim());
        Assert.Equal("", panel.Find("textarea").GetAttribute("value"));
        Assert.Empty(panel.FindAll(".chat-message__deleted"));
    }

    private static Task Type(IRenderedComponent<ChatPanel> panel, string text) => Retry(() =>
    {
        panel.Find("textarea").Input(text);
        return Task.CompletedTask;
    });

    /// <summary>
    /// Acts on the panel. Live events (the viewer's own presence, for one) can re-render it between finding an element
    /// and acting on it; a browser would simply act on the new one, so the test finds it again.
    /// </summary>
    private static async Task Retry(Func<Task> act)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await act();
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
                // Re-rendered in between: find it again.
            }
        }
    }
}
