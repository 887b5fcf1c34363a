using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace CollabHub.Web.Features.Chat;

/// <summary>The viewer's actions in the panel: send, edit, delete, typing, read; each refusal shows to them alone.</summary>
public sealed partial class ChatPanel
{
    private bool CanEdit(ChatMessageView message) => !message.IsDeleted && message.AuthorId == caller.UserId;

    private bool CanDelete(ChatMessageView message) => !message.IsDeleted && (message.AuthorId == caller.UserId || channel?.CanModerate == true);

    private bool IsMention(ChatMessageView message) =>
        message.AuthorId != caller.UserId
        && members.FirstOrDefault(m => m.UserId == caller.UserId) is { } me
        && (message.Body.Contains("@**" + me.DisplayName, StringComparison.OrdinalIgnoreCase)
            || message.Body.Contains("@" + me.DisplayName, StringComparison.OrdinalIgnoreCase));

    private static bool StartsGroup(ChatMessageView? previous, ChatMessageView message) =>
        previous is null
        || previous.AuthorId != message.AuthorId
        || previous.CreatedAt.ToUnixTimeSeconds() / 60 != message.CreatedAt.ToUnixTimeSeconds() / 60;

    private string? DayChange(ChatMessageView? previous, ChatMessageView message)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(message.CreatedAt, TimeZone).DateTime);
        return previous is not null && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(previous.CreatedAt, TimeZone).DateTime) == day
            ? null
            : Shared.Of(day.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture));
    }

    private Task SubmitAsync() => SendAsync(draft);

    /// <summary>
    /// Enter in the composer: the browser hands over the text it shows and has already emptied the box, so keys pressed
    /// while this message travels start the next one instead of racing the server's copy of the draft.
    /// </summary>
    [JSInvokable]
    public async Task SendTextAsync(string text)
    {
        await SendAsync(text);

        // Called from script, not as an event handler, so the framework does not render afterwards by itself.
        StateHasChanged();
    }

    private async Task SendAsync(string text)
    {
        var target = editing;

        // Emptied before the round trip, as chat apps do: what the member types meanwhile is the next message, and
        // clearing after the send would wipe it.
        draft = "";
        suggestions = [];
        var sent = await RunAsync(async () =>
        {
            if (target is null)
            {
                var message = await Chat.SendAsync(caller, ChannelId, Guid.NewGuid(), text);
                await applying.WaitAsync();
                try
                {
                    if (message.Seq == LastSeq + 1)
                    {
                        Add(message);
                    }
                }
                finally
                {
                    applying.Release();
                }
            }
            else
            {
                Replace(await Chat.EditAsync(caller, ChannelId, target.Seq, text));
            }
        });
        if (sent)
        {
            if (editing == target)
            {
                editing = null;
            }

            atBottom = true;
            await ScrollToEndAsync();
        }
        else if (draft.Length == 0)
        {
            // Refused: the text comes back so the member can correct it (unless they have started something new).
            draft = text;
        }
    }

    /// <summary>
    /// A message's Edit or Delete button, clicked (the buttons are part of the message's shared markup and the panel's
    /// script hands their clicks here). Checked again here: the button is only what the page shows.
    /// </summary>
    [JSInvokable]
    public async Task MessageActionAsync(string action, long seq)
    {
        if (messages.Find(m => m.Seq == seq) is not { } message)
        {
            return;
        }

        switch (action)
        {
            case "edit" when CanEdit(message):
                StartEdit(message);
                break;
            case "delete" when CanDelete(message):
                await DeleteAsync(message);
                break;
            default:
                return;
        }

        // Called from script, not as an event handler, so the framework does not render afterwards by itself.
        StateHasChanged();
    }

    private void StartEdit(ChatMessageView message)
    {
        editing = message;
        draft = message.Body;
    }

    private void CancelEdit()
    {
        editing = null;
        draft = "";
    }

    private async Task DeleteAsync(ChatMessageView message) =>
        await RunAsync(async () => Replace(await Chat.DeleteAsync(caller, ChannelId, message.Seq)));

    private async Task TypingAsync(KeyboardEventArgs e)
    {
        var now = Clock.GetUtcNow();
        if (e.Key is "Enter" || now - lastTypingSent < TimeSpan.FromSeconds(3))
        {
            return;
        }

        lastTypingSent = now;
        await RunAsync(() => Chat.TypingAsync(caller, ChannelId));
    }

    private async Task JumpToLatestAsync()
    {
        newCount = 0;
        atBottom = true;
        await MarkReadAsync();
        await ScrollToEndAsync();
    }

    private void OnTyping(ChatTyping t)
    {
        typing[t.UserId] = t;
        StateHasChanged();
        // Clears itself: re-render once the indicator expired, unless it was renewed meanwhile.
        _ = Task.Delay(t.ExpiresAt - Clock.GetUtcNow() + TimeSpan.FromMilliseconds(100))
            .ContinueWith(_ => InvokeAsync(StateHasChanged), TaskScheduler.Default);
    }

    private void OnPresence(MemberPresence p)
    {
        if (presence.ContainsKey(p.UserId))
        {
            presence[p.UserId] = p;
            StateHasChanged();
        }
    }

    private void Close(string reason)
    {
        closedReason = reason;
        messages.Clear();
        shownMessages.Clear();
        DisposeSubscriptions();
        if (!disposing)
        {
            StateHasChanged();
        }
    }

    private async Task ScrollToEndAsync()
    {
        if (self is not null)
        {
            try
            {
                await JS.InvokeVoidAsync(Script.ScrollToEnd);
            }
            catch (JSDisconnectedException)
            {
                // Nothing to scroll any more.
            }
        }
    }

    /// <summary>
    /// Runs one service call; a refusal becomes the sender's error line, a lost channel closes the panel. The line
    /// clears when a call succeeds, except one the member did not make (<paramref name="keepError"/>: storing the read
    /// position when the interval ends), which says nothing about what they last did.
    /// </summary>
    private async Task<bool> RunAsync(Func<Task> call, bool keepError = false)
    {
        try
        {
            await call();
            if (!keepError)
            {
                error = null;
            }

            return true;
        }
        catch (ChatRefusedException refused) when (refused.DeniesChannel || refused.EndsSession)
        {
            Close(refused.Message);
            return false;
        }
        catch (ChatRefusedException refused)
        {
            error = refused.Message;
            return false;
        }
    }

    private void DisposeSubscriptions()
    {
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        subscriptions.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        // The last position shown is stored as the panel goes; nothing renders any more, a refusal included.
        disposing = true;
        DisposeSubscriptions();
        await StoreReadAsync();

        if (attached)
        {
            attached = false;
            await CircuitPresence.DetachAsync();
        }

        self?.Dispose();
    }
}
