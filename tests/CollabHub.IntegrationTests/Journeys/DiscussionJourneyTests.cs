using CollabHub.IntegrationTests.Discussions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Journeys;

/// <summary>
/// Journey: two members read the same thread in their own browsers. One replies with a mention picked from the
/// suggestions after previewing it; the other sees the reply appear without reloading, and reacts; the first sees
/// the reaction arrive.
/// </summary>
public sealed class DiscussionJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TwoReaders_ReplyWithMentionAppearsLive_AndTheReactionComesBack()
    {
        var (_, group, amina, ben, thread) = await NudgeUnitAsync();
        var threadPath = $"/groups/{group.Slug}/discussions/{thread.ThreadId}";
        var aminaPage = await host.SignedInPageAsync(amina);
        var benPage = await host.SignedInPageAsync(ben, width: 390);

        await Journey.RunAsync(aminaPage, async () =>
        {
            await benPage.GotoAsync(threadPath);
            await Assertions.Expect(benPage.Locator("#post-1 .post-body strong")).ToHaveTextAsync("letter");
            await aminaPage.GotoAsync(threadPath);
            var editor = aminaPage.Locator("#reply-body");
            // Typed at once, whether the page is live yet or not: what is typed before goes over to the live box.
            await editor.PressSequentiallyAsync("Thanks @Be");
            await Assertions.Expect(aminaPage.Locator("#reply-body-count")).ToHaveTextAsync("10 of at most 10,000 characters");
            await aminaPage.GetByRole(AriaRole.Button, new() { Name = "@Ben Okafor" }).ClickAsync();
            await Assertions.Expect(editor).ToHaveValueAsync("Thanks @**Ben Okafor** ");
            await editor.PressSequentiallyAsync("the social-norm line won.");
            await aminaPage.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
            await Assertions.Expect(aminaPage.Locator(".post-editor__preview a")).ToHaveTextAsync("@Ben Okafor");
            await aminaPage.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
            await Assertions.Expect(aminaPage.GetByText("Your reply is posted.")).ToBeVisibleAsync();

            // Ben did not reload: the reply arrives through the live view.
            var reply = benPage.Locator("#post-2");
            await Assertions.Expect(reply.Locator(".post-body")).ToContainTextAsync("the social-norm line won.");
            await Assertions.Expect(reply.Locator(".post-body a")).ToHaveTextAsync("@Ben Okafor");

            await reply.Locator(".reactions__add summary").ClickAsync();
            await reply.GetByRole(AriaRole.Button, new() { Name = "Celebrate" }).ClickAsync();
            await Assertions.Expect(aminaPage.Locator("#post-2 .reactions > .reaction .reaction__count")).ToHaveTextAsync("1");
            await Assertions.Expect(aminaPage.Locator("#post-2 .reactions > .reaction")).ToHaveAttributeAsync("title", "Ben Okafor");
        });
    }

    [Fact]
    public async Task WordsTypedIntoANewThreadBeforeItsEditorIsLive_AreKept_WithTheFocus_AndPosted()
    {
        var data = new DiscussionTestData(host.App);
        var group = await data.GroupAsync(GroupVisibility.Private, name: "Nudge unit");
        var amina = await data.MemberAsync(group, "Amina Diallo");
        var page = await host.SignedInPageAsync(amina);

        // Her circuit is held back, as a slow link or a busy server holds it. The body is a live island in a static form,
        // enabled from the start (without script it is the only way to write); the live copy replaces it when the
        // circuit starts, and what she had typed vanished with the prerendered one.
        var circuit = await HeldCircuit.HoldAsync(page);

        await Journey.RunAsync(page, async () =>
        {
            await TypeBeforeLiveAsync(page, circuit, "thread-body", "Typed on a slow link,", async () =>
            {
                await page.GotoAsync($"/groups/{group.Slug}/discussions/new");
                await page.Locator("#thread-title").FillAsync("Letters that nudge");
            });
            await page.Keyboard.TypeAsync(" and kept.");
            await Assertions.Expect(page.Locator("#thread-body-count")).ToHaveTextAsync("31 of at most 10,000 characters");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
            await Assertions.Expect(page.Locator("#post-1 .post-body")).ToHaveTextAsync("Typed on a slow link, and kept.");
        });
    }

    [Fact]
    public async Task AReplyTypedIntoAThreadBeforeItIsLive_IsKept_WithTheFocus_AndPostedOnceItIsLive()
    {
        var (_, group, _, ben, thread) = await NudgeUnitAsync();
        var page = await host.SignedInPageAsync(ben);

        // The thread is one live island; its reply box was disabled until the circuit was up ("Connecting the
        // editor…"), seconds on a slow link. It now takes text at once, and the text goes over to the live box.
        var circuit = await HeldCircuit.HoldAsync(page);

        await Journey.RunAsync(page, async () =>
        {
            await TypeBeforeLiveAsync(page, circuit, "reply-body", "The social-norm letter,", async () =>
            {
                await page.GotoAsync($"/groups/{group.Slug}/discussions/{thread.ThreadId}");
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Post reply" })).ToBeDisabledAsync();
                await Assertions.Expect(page.Locator("#reply-connecting")).ToContainTextAsync("you can write meanwhile");
            });
            await Assertions.Expect(page.Locator("#reply-connecting")).ToHaveCountAsync(0);
            await page.Keyboard.TypeAsync(" by far.");
            await Assertions.Expect(page.Locator("#reply-body-count")).ToHaveTextAsync("31 of at most 10,000 characters");
            await page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Your reply is posted.")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#post-2 .post-body")).ToHaveTextAsync("The social-norm letter, by far.");
        });
    }

    [Fact]
    public async Task AReplyBoxClickedIntoBeforeItIsLive_KeepsTheFocus_SoTheKeysTypedNextAreNotLost()
    {
        var (_, group, _, ben, thread) = await NudgeUnitAsync();
        var page = await host.SignedInPageAsync(ben);

        // Clicked into, nothing typed yet, when the live box took its place: the focus went with the prerendered box,
        // and every key typed next went nowhere (a journey typing as the page went live lost all ten of its keys).
        var circuit = await HeldCircuit.HoldAsync(page);

        await Journey.RunAsync(page, async () =>
        {
            await TypeBeforeLiveAsync(page, circuit, "reply-body", "", () => page.GotoAsync($"/groups/{group.Slug}/discussions/{thread.ThreadId}"));
            await page.Keyboard.TypeAsync("Typed at once.");
            await Assertions.Expect(page.Locator("#reply-body-count")).ToHaveTextAsync("14 of at most 10,000 characters");
        });
    }

    /// <summary>A private group with Amina and Ben in it, and Amina's thread asking which letter worked best.</summary>
    private async Task<(DiscussionTestData Data, Group Group, ApplicationUser Amina, ApplicationUser Ben, PostReceipt Thread)> NudgeUnitAsync()
    {
        var data = new DiscussionTestData(host.App);
        var group = await data.GroupAsync(GroupVisibility.Private, name: "Nudge unit");
        var amina = await data.MemberAsync(group, "Amina Diallo");
        var ben = await data.MemberAsync(group, "Ben Okafor");
        return (data, group, amina, ben, await data.ThreadAsync(group, amina, "Letters that nudge", "Which **letter** worked best?"));
    }

    /// <summary>
    /// With the page's circuit held back, runs <paramref name="arrange"/>, clicks into the prerendered editor
    /// <paramref name="editorId"/> and types <paramref name="text"/> (if any); then lets the circuit start. The live editor that replaces the
    /// prerendered one must hold the text and have the focus, so typing goes on where it was.
    /// </summary>
    private static async Task TypeBeforeLiveAsync(IPage page, HeldCircuit circuit, string editorId, string text, Func<Task> arrange)
    {
        try
        {
            await arrange();
            await page.Locator($"#{editorId}").ClickAsync();
            await page.Keyboard.TypeAsync(text);
            await page.EvaluateAsync("id => window.prerenderedEditor = document.getElementById(id)", editorId);
        }
        finally
        {
            circuit.Release();
        }

        await page.WaitForFunctionAsync("id => document.getElementById(id) !== window.prerenderedEditor", editorId, new() { Timeout = 15_000 });
        var editor = page.Locator($"#{editorId}");
        await Assertions.Expect(editor).ToHaveValueAsync(text);
        await Assertions.Expect(editor).ToBeFocusedAsync();
    }

    [Fact]
    public async Task GoingLive_NeverBlanksTheThreadOrTheCountsThePrerenderedPageShows()
    {
        var (data, group, amina, ben, thread) = await NudgeUnitAsync();
        var ct = TestContext.Current.CancellationToken;
        await data.Service.ReplyAsync(DiscussionTestData.Principal(ben), thread.ThreadId, "The social-norm one.", cancellationToken: ct);
        var chat = host.App.Services.GetRequiredService<ChatService>();
        var bensCaller = new ChatCaller(ben.Id, false, null);
        var channel = await chat.OpenGroupChannelAsync(bensCaller, group.Id, ct);
        await chat.SendAsync(bensCaller, channel.ChannelId, Guid.NewGuid(), "Seen the thread?", ct);
        var page = await host.SignedInPageAsync(amina);

        // The live islands' first renders came before their data and replaced what the prerendered page showed with
        // nothing until it came: the thread, and the unread counts on the bell and the group's chat tab (which blinked
        // on every page).
        const string Thread = "#post-1 .post-body", Bell = ".notification-bell__count", ChatUnread = ".chat-unread";
        await VanishWatch.StartAsync(page, Thread, Bell, ChatUnread);

        await Journey.RunAsync(page, async () =>
        {
            await page.GotoAsync($"/groups/{group.Slug}/discussions/{thread.ThreadId}");
            await Assertions.Expect(page.Locator("#reply-body")).ToBeEnabledAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator(Thread)).ToContainTextAsync("worked best?");
            await Assertions.Expect(page.Locator(Bell)).ToHaveTextAsync("1");
            Assert.Equal(0, await VanishWatch.MomentsAsync(page, Thread));
            await Assertions.Expect(page.Locator(ChatUnread)).ToHaveTextAsync("1 unread");
            Assert.Equal(0, await VanishWatch.MomentsAsync(page, Bell));
            Assert.Equal(0, await VanishWatch.MomentsAsync(page, ChatUnread));
        });
    }
}
