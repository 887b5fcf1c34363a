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

        // A message without buttons is one markup frame, its list item included, shared by every tab that shows it
        // the same way: with 50 messages shown, the panel's two frame arrays (kept at the size of its largest render)
        // held 26 KB per tab at four frames a message (dotnet-gcdump, circuits benchmark). The buttons' handlers are
        // kept too, so rendering the list again sends no change for them to the browser. No @key: messages are added
        // at the end or replaced in place (loading older ones, the diff rewrites the list once), and a key boxed a
        // number per message on every render and kept a dictionary of them.
        var mention = IsMention(message);
        shown = CanEdit(message) || CanDelete(message)
            ? new ShownMessage(message, first, new MarkupString(Html.For(message, first, mentionable, mentionableKey, TimeZone, Deleted, Edited)),
                ChatMessageHtml.Classes(first, mention), () => StartEdit(message), () => DeleteAsync(message))
            : new ShownMessage(message, first, new MarkupString(Html.Item(message, first, mention, mentionable, mentionableKey, TimeZone, Deleted, Edited)),
                null, null, null);
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

    private string Deleted => L["This message was deleted."];

    private string Edited => L["(edited)"];

    private sealed record ShownMessage(ChatMessageView Source, bool First, MarkupString Html, string? Class, Action? Edit, Func<Task>? Delete);
}
