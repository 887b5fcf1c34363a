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
        // The buttons' handlers too (for the messages that have buttons): the same delegates on every render, so
        // rendering the list again sends no change for them to the browser.
        var actionable = CanEdit(message) || CanDelete(message);
        shown = new ShownMessage(message, first, new MarkupString(html), classes,
            actionable ? () => StartEdit(message) : null, actionable ? () => DeleteAsync(message) : null);
        shownMessages[message.Seq] = shown;
        return shown;
    }

    private sealed record ShownMessage(ChatMessageView Source, bool First, MarkupString Html, string Class, Action? Edit, Func<Task>? Delete);
}
