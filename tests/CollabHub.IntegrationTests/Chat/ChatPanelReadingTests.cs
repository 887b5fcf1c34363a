using Bunit;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// When an open chat panel stores how far its member has read: messages followed at the end count as read at once on
/// the page, and are stored at most every interval and when the panel closes.
/// </summary>
public sealed class ChatPanelReadingTests(ChatAppFixture fixture) : ChatPanelContext(fixture), IClassFixture<ChatAppFixture>
{
    [Fact]
    public async Task MessageFollowedAtTheEnd_IsStoredAsReadWhenThePanelCloses_AndTheBadgeNeverCountsIt()
    {
        var (room, panel) = await AminasPanelAsync(readWriteInterval: TimeSpan.FromHours(1));
        var groupId = (await room.ChannelAsync(room.Amina)).GroupId;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var badge = Render<ChatUnreadBadge>(p => p.Add(b => b.GroupId, groupId));
        var stored = new List<long>();
        using var reads = App.Services.GetRequiredService<ILiveEvents>().Subscribe<ChatReadState>(LiveTopics.User(room.Amina.Id), read =>
        {
            lock (stored)
            {
                stored.Add(read.LastReadSeq);
            }

            return Task.CompletedTask;
        });

        // Read further up first: the badge has loaded and counts the first message until Amina is back at the end.
        await panel.InvokeAsync(() => panel.Instance.ScrolledAsync(false));
        await room.SendAsync(room.Ben, "One");
        badge.WaitForAssertion(() => Assert.Equal("1 unread", badge.Find(".chat-unread").TextContent), ChatTestClient.Timeout);
        await panel.InvokeAsync(() => panel.Instance.ScrolledAsync(true));
        badge.WaitForAssertion(() => Assert.Empty(badge.FindAll(".chat-unread")), ChatTestClient.Timeout);

        // New accounts send at most three messages in ten seconds: one more at the end, one while reading further up.
        await room.SendAsync(room.Ben, "Two");
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".chat-message").Count), ChatTestClient.Timeout);
        await panel.InvokeAsync(() => panel.Instance.ScrolledAsync(false));
        await room.SendAsync(room.Ben, "Three, while Amina reads further up");

        // The badge counts only the third: the second, shown at the end, counts as read though it is not stored yet.
        badge.WaitForAssertion(() => Assert.Equal("1 unread", badge.Find(".chat-unread").TextContent), ChatTestClient.Timeout);
        Assert.Equal(2, await room.UnreadAsync(room.Amina));
        await DisposeComponentsAsync();
        Assert.Equal(1, await room.UnreadAsync(room.Amina));
        await Eventually.WaitAsync(() => { lock (stored) { return stored.Count == 2; } }, "both read positions are published", ChatTestClient.Timeout);
        lock (stored)
        {
            Assert.Equal([1L, 2L], stored);
        }
    }

    [Fact]
    public async Task MessagesFollowedAtTheEnd_AreStoredAsReadWithinTheInterval()
    {
        var (room, panel) = await AminasPanelAsync(readWriteInterval: TimeSpan.FromMilliseconds(200));

        await room.SendAsync(room.Ben, "One");
        await room.SendAsync(room.Ben, "Two");

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".chat-message").Count), ChatTestClient.Timeout);
        await Eventually.WaitAsync(async () => await room.UnreadAsync(room.Amina) == 0, "both are stored as read", ChatTestClient.Timeout);
    }

    [Fact]
    public async Task TabsFollowingOneChannel_StoreTheirReadPositionsAtSpreadMoments_NotAllAtOnce()
    {
        // An hour, so no store happens during the test: what is checked is when each tab's store falls due.
        var interval = TimeSpan.FromHours(1);
        var clock = new TimerRecordingClock();
        Services.AddSingleton<TimeProvider>(clock);
        var (room, first) = await AminasPanelAsync(interval);
        List<IRenderedComponent<ChatPanel>> tabs = [first];
        while (tabs.Count < 12)
        {
            // Amina is already the signed-in viewer: another tab of hers is one more panel.
            tabs.Add(Render<ChatPanel>(p => p.Add(x => x.ChannelId, room.ChannelId)));
            var started = tabs.Count;
            await Eventually.WaitAsync(
                () => first.InvokeAsync(() => JSInterop.Invocations.Count(i => i.Identifier == "collabHubChat.scrollToEnd") >= started),
                $"tab {started} starts", ChatTestClient.Timeout);
        }

        await room.SendAsync(room.Ben, "Seen by every tab at the same moment");

        foreach (var tab in tabs)
        {
            tab.WaitForAssertion(() => Assert.Single(tab.FindAll(".chat-message")), ChatTestClient.Timeout);
        }

        // Each tab shows the message at the end and will store it as read: within half an interval after the interval,
        // and not all at one moment (they used to: in the circuits benchmark about 50 of 100 tabs stored within 100 ms).
        var due = clock.DueTimes.Where(d => d >= interval && d <= interval * 1.5).ToList();
        Assert.Equal(tabs.Count, due.Count);
        Assert.True(due.Distinct().Count() > tabs.Count / 2, $"The tabs' stores fall due at {string.Join(", ", due)}");
    }

    [Fact]
    public async Task ReadStoredWhenTheIntervalEnds_RefusedForAnEndedSession_ClosesThePanel()
    {
        var (room, panel) = await AminasPanelAsync(readWriteInterval: TimeSpan.FromMilliseconds(200));
        await room.SuspendQuietlyAsync(room.Amina);

        // Shown at the end without a call of Amina's; the first call she makes is storing it as read.
        await room.SendAsync(room.Ben, "After the suspension");

        panel.WaitForAssertion(() => Assert.Equal("Your session has ended. Sign in again to use chat.", panel.Find(".alert[role='status']").TextContent), ChatTestClient.Timeout);
        Assert.Empty(panel.FindAll(".chat-list"));
    }

    [Fact]
    public async Task RefusalLine_StaysWhileAMessageFollowedAtTheEndIsStoredAsRead()
    {
        var (room, panel) = await AminasPanelAsync(readWriteInterval: TimeSpan.FromMilliseconds(200));
        await panel.InvokeAsync(() => panel.Instance.SendTextAsync("   "));

        await room.SendAsync(room.Ben, "Meanwhile");

        await Eventually.WaitAsync(async () => await room.UnreadAsync(room.Amina) == 0, "Ben's message is stored as read", ChatTestClient.Timeout);
        await panel.InvokeAsync(() => { });
        // The whole panel on failure: now and then, in full CI runs, the error line was not there at all, and whether
        // it was cleared or the panel closed is what tells the causes apart.
        var line = panel.FindAll("#chat-error[role='alert']");
        Assert.True(line.Count == 1, $"The error line is gone; the panel reads: {panel.Markup}");
        Assert.Equal("Write something before sending.", line[0].TextContent);
    }

    /// <summary>The system clock, noting how long after creation each timer it makes is first due.</summary>
    private sealed class TimerRecordingClock : TimeProvider
    {
        private readonly List<TimeSpan> dueTimes = [];

        public IReadOnlyList<TimeSpan> DueTimes
        {
            get
            {
                lock (dueTimes)
                {
                    return [.. dueTimes];
                }
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (dueTimes)
            {
                dueTimes.Add(dueTime);
            }

            return System.CreateTimer(callback, state, dueTime, period);
        }
    }
}
