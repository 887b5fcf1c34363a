using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The messages as the panel shows them: each one's HTML and classes are worked out once (Markdown, sanitizing,
/// mentions) and kept until the message or its place in a group changes, so a new message renders only itself.
/// </summary>
public sealed partial class ChatPanel
{
    private readonly Dictionary<long, ShownMessage> shownMessages = [];

    private int mentionableKey;

    [Inject] private ChatMessageHtmlCache Html { get; set; } = default!;

    private ShownMessage Shown(ChatMessageView message, bool first)
    {
        if (shownMessages.TryGetValue(message.Seq, out var shown) && ReferenceEquals(shown.Source, message) && shown.First == first)
        {
            return shown;
        }

        // Each message is one markup frame, its list item and buttons included, shared by every tab that shows it the
        // same way: with 50 messages shown, the panel's two frame arrays (kept at the size of its largest render) held
        // 26 KB per tab at four frames a message, and a message with buttons still took 16 frames and two handlers
        // (dotnet-gcdump, circuits benchmark). The buttons' clicks come through the panel's script
        // (MessageActionAsync). No @key: messages are added at the end or replaced in place (loading older ones, the
        // diff rewrites the list once), and a key boxed a number per message on every render and kept a dictionary.
        shown = new ShownMessage(message, first, new MarkupString(Html.Item(
            message, first, IsMention(message), CanEdit(message) ? L["Edit"].Value : null, CanDelete(message) ? L["Delete"].Value : null,
            mentionable, mentionableKey, TimeZone, L["This message was deleted."], L["(edited)"])));
        shownMessages[message.Seq] = shown;
        return shown;
    }

    /// <summary>Puts a message that changed (edited, deleted) in the place of the one shown.</summary>
    private void Replace(ChatMessageView changed)
    {
        var index = messages.FindIndex(m => m.Seq == changed.Seq);
        if (index >= 0)
        {
            messages[index] = Html.Shared(changed);
        }
    }

    private sealed record ShownMessage(ChatMessageView Source, bool First, MarkupString Html);
}
