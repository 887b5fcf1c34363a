using System.Globalization;
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

        var html = Html.For(message, first, mentionable, mentionableKey, TimeZone, L["This message was deleted."], L["(edited)"]);
        var classes = "chat-message" + (first ? " chat-message--first" : null) + (IsMention(message) ? " chat-message--mention" : null);
        // A message without buttons is one markup frame, its list item included: with 50 messages shown, the panel's
        // two frame arrays (kept at the size of its largest render) held 26 KB per tab at four frames a message
        // (dotnet-gcdump, circuits benchmark). The buttons' handlers are kept too, so rendering the list again sends
        // no change for them to the browser. No @key: messages are added at the end or replaced in place (loading
        // older ones, the diff rewrites the list once), and a key boxed a number per message on every render and kept
        // a dictionary of them.
        shown = CanEdit(message) || CanDelete(message)
            ? new ShownMessage(message, first, new MarkupString(html), classes, () => StartEdit(message), () => DeleteAsync(message))
            : new ShownMessage(message, first, new MarkupString(
                $"<li class=\"{classes}\" data-seq=\"{message.Seq.ToString(CultureInfo.InvariantCulture)}\">{html}</li>"), classes, null, null);
        shownMessages[message.Seq] = shown;
        return shown;
    }

    private sealed record ShownMessage(ChatMessageView Source, bool First, MarkupString Html, string Class, Action? Edit, Func<Task>? Delete);
}
