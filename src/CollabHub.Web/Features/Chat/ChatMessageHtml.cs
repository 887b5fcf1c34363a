using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Discussions.Mentions;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// One chat message as HTML, written once and kept by the panel as one markup frame. It was a component per message:
/// each kept its own state and frame arrays for as long as the tab was open (about 4 KB per message shown: 465 KB
/// against 258 KB per idle tab with 50 messages of history, circuits benchmark). The body goes through the same
/// Markdown pipeline as discussions (Markdig, then the sanitizer's allow-list), mentions included.
/// </summary>
public static class ChatMessageHtml
{
    /// <summary>The list item's classes: four fixed strings, so no tab keeps its own copy.</summary>
    public static string Classes(bool first, bool mention) => (first, mention) switch
    {
        (false, false) => "chat-message",
        (true, false) => "chat-message chat-message--first",
        (false, true) => "chat-message chat-message--mention",
        (true, true) => "chat-message chat-message--first chat-message--mention",
    };

    /// <summary>
    /// The whole list item of a message around its <paramref name="inner"/> HTML, with an Edit and a Delete button for
    /// a viewer who may (their texts given). The buttons are plain markup: the panel's script hands their clicks to the
    /// panel by the item's <c>data-seq</c>, and the panel checks again that the viewer may.
    /// </summary>
    public static string Item(string inner, ChatMessageView message, bool first, bool mention, string? editText, string? deleteText)
    {
        var html = HtmlEncoder.Default;
        var text = new StringBuilder("<li class=\"").Append(Classes(first, mention)).Append("\" data-seq=\"")
            .Append(message.Seq.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(inner);
        if (editText is not null || deleteText is not null)
        {
            text.Append("<span class=\"chat-message__actions\">");
            Button(text, html, "edit", editText);
            Button(text, html, "delete", deleteText);
            text.Append("</span>");
        }

        return text.Append("</li>").ToString();
    }

    private static void Button(StringBuilder text, HtmlEncoder html, string action, string? label)
    {
        if (label is not null)
        {
            text.Append("<button type=\"button\" class=\"link-button\" data-chat-action=\"").Append(action).Append("\">")
                .Append(html.Encode(label)).Append("</button>");
        }
    }

    /// <summary>The message's head (when it starts a group), then its body or tombstone.</summary>
    public static string For(
        PostMarkup markup, ChatMessageView message, bool header, IReadOnlyList<MentionedMember> mentionable, TimeZoneInfo zone, string deletedText, string editedText)
    {
        var html = HtmlEncoder.Default;
        var text = new StringBuilder();
        if (header)
        {
            var local = TimeZoneInfo.ConvertTime(message.CreatedAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
            text.Append("<p class=\"chat-message__head\"><strong>").Append(html.Encode(message.AuthorName)).Append("</strong> <time datetime=\"")
                .Append(message.CreatedAt.ToString("O", CultureInfo.InvariantCulture)).Append("\">").Append(local).Append("</time></p>");
        }

        if (message.IsDeleted)
        {
            return text.Append("<p class=\"chat-message__deleted\">").Append(html.Encode(deletedText)).Append("</p>").ToString();
        }

        var draft = markup.Parse(message.Body);
        MentionResolver.Resolve(draft.Mentions, mentionable);
        text.Append("<div class=\"chat-message__body markdown-body\">").Append(markup.Render(draft)).Append("</div>");
        if (message.EditedAt is not null)
        {
            text.Append(" <span class=\"chat-message__edited\">").Append(html.Encode(editedText)).Append("</span>");
        }

        return text.ToString();
    }
}
