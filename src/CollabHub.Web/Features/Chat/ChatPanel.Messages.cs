using CollabHub.Web.Features.Discussions;
using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The messages as the panel shows them: each one's HTML and classes are worked out once (Markdown, sanitizing,
/// mentions) and kept until the message or its place in a group changes, so a new message renders only itself.
/// </summary>
public sealed partial class ChatPanel
{
    private readonly Dictionary<long, ShownMessage> shownMessages = [];

    [Inject] private PostMarkup Markup { get; set; } = default!;

    private ShownMessage Shown(ChatMessageView message, bool first)
    {
        if (shownMessages.TryGetValue(message.Seq, out var shown) && ReferenceEquals(shown.Source, message) && shown.First == first)
        {
            return shown;
        }

        var html = ChatMessageHtml.For(Markup, message, first, mentionable, TimeZone, L["This message was deleted."], L["(edited)"]);
        var classes = "chat-message" + (first ? " chat-message--first" : null) + (IsMention(message) ? " chat-message--mention" : null);
        // The buttons' handlers too: the same delegates on every render, so rendering the list again sends no change
        // for them to the browser.
        shown = new ShownMessage(message, first, new MarkupString(html), classes, () => StartEdit(message), () => DeleteAsync(message));
        shownMessages[message.Seq] = shown;
        return shown;
    }

    private sealed record ShownMessage(ChatMessageView Source, bool First, MarkupString Html, string Class, Action Edit, Func<Task> Delete);
}
