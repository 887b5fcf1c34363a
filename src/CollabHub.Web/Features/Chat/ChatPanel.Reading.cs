using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The viewer's read position. What the reader asks for (opening the panel, jumping to the latest, scrolling back to
/// the end) is stored at once. New messages followed at the end are stored at most once per
/// <see cref="ChatOptions.ReadWriteInterval"/>, the latest position winning, and whatever is still waiting when the
/// panel closes is stored then; the database only ever moves a position forward. The circuit's own unread badges hear
/// at once, so they never count what this tab already shows.
/// </summary>
public sealed partial class ChatPanel
{
    private long readWanted;
    private long readStored;
    private ITimer? readTimer;

    [Inject] private ChatUnreadTracker Unread { get; set; } = default!;

    [Inject] private IOptions<ChatOptions> Options { get; set; } = default!;

    /// <summary>Stores everything shown as read now.</summary>
    private async Task MarkReadAsync()
    {
        readWanted = Math.Max(readWanted, LastSeq);
        CancelReadTimer();
        if (readWanted > readStored)
        {
            var upTo = readWanted;
            if (await RunAsync(() => Chat.MarkReadAsync(caller, ChannelId, upTo)))
            {
                readStored = Math.Max(readStored, upTo);
            }
        }
    }

    /// <summary>Everything shown is read; stored when the interval started by the first unstored message ends.</summary>
    private void MarkReadSoon()
    {
        readWanted = Math.Max(readWanted, LastSeq);
        Unread.MarkedRead(ChannelId, readWanted);
        readTimer ??= Clock.CreateTimer(_ => InvokeAsync(StoreDueReadAsync), null, Options.Value.ReadWriteInterval, Timeout.InfiniteTimeSpan);
    }

    private async Task StoreDueReadAsync()
    {
        CancelReadTimer();
        try
        {
            await StorePendingReadAsync();
        }
        catch (ChatRefusedException refused) when (refused.DeniesChannel || refused.EndsSession)
        {
            Close(refused.Message);
        }
    }

    /// <summary>Stores a position still waiting (when the interval ends, or as the panel closes).</summary>
    private async Task StorePendingReadAsync()
    {
        CancelReadTimer();
        if (readWanted > readStored && closedReason is null)
        {
            var upTo = readWanted;
            readStored = upTo;
            await Chat.MarkReadAsync(caller, ChannelId, upTo);
        }
    }

    private void CancelReadTimer()
    {
        readTimer?.Dispose();
        readTimer = null;
    }
}
