using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The viewer's read position. What the reader asks for (opening the panel, jumping to the latest, scrolling back to
/// the end) is stored at once. New messages followed at the end are stored at most once per
/// <see cref="ChatOptions.ReadWriteInterval"/> (spread at random over half as long again), the latest position
/// winning, and whatever is still waiting when the panel closes is stored then; the database only ever moves a
/// position forward. The circuit's own unread badges hear at once, so they never count what this tab already shows.
/// </summary>
public sealed partial class ChatPanel
{
    private long readWanted;
    private long readStored;
    private long readStoring;
    private ITimer? readTimer;

    [Inject] private ChatUnreadTracker Unread { get; set; } = default!;

    [Inject] private IOptions<ChatOptions> Options { get; set; } = default!;

    /// <summary>Stores everything shown as read now.</summary>
    private Task MarkReadAsync()
    {
        readWanted = Math.Max(readWanted, LastSeq);
        return StoreReadAsync();
    }

    /// <summary>Everything shown is read; stored when the interval started by the first unstored message ends.</summary>
    private void MarkReadSoon()
    {
        readWanted = Math.Max(readWanted, LastSeq);
        Unread.MarkedRead(ChannelId, readWanted);
        readTimer ??= Clock.CreateTimer(_ => InvokeAsync(StoreReadAsync), null, ReadWriteDelay(Options.Value.ReadWriteInterval), Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The interval plus up to half of it again, at random. Every tab following a channel sees a message at the same
    /// moment, so without the spread each of them stored its position at the same moment too: in the circuits benchmark
    /// 100 open tabs wrote about 50 positions within 100 ms, and the app's connection pool grew by about 90 connections
    /// to serve them at once. Storing the positions of many tabs in one statement would remove the burst itself.
    /// </summary>
    private static TimeSpan ReadWriteDelay(TimeSpan interval) => interval * (1 + (Random.Shared.NextDouble() / 2));

    /// <summary>
    /// The one way a position is stored, whoever asks (the reader, the interval's end, the panel closing): the position
    /// wanted, when it is ahead of what is stored or being stored. Through <see cref="RunAsync"/>, so a refusal closes
    /// the panel whatever asked (storing a position is refused only for an ended session or a channel no longer the
    /// viewer's), and the member's error line stays as their own last action left it. A store that fails is not
    /// retried by itself: the position stays unstored, so the next store (the next message followed, scrolling to the
    /// end, closing) writes it; writing a position again is harmless, as positions only move forward.
    /// </summary>
    private async Task StoreReadAsync()
    {
        CancelReadTimer();
        var upTo = readWanted;
        if (upTo <= Math.Max(readStored, readStoring) || closedReason is not null)
        {
            return;
        }

        readStoring = upTo;
        var stored = false;
        try
        {
            stored = await RunAsync(() => Chat.MarkReadAsync(caller, ChannelId, upTo), keepError: true);
        }
        finally
        {
            if (stored)
            {
                readStored = Math.Max(readStored, upTo);
            }
            else
            {
                readStoring = readStored;
            }
        }
    }

    private void CancelReadTimer()
    {
        readTimer?.Dispose();
        readTimer = null;
    }
}
