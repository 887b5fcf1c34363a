using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Discussions.Mentions;
using CollabHub.Web.Infrastructure.Web;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Messages as chat panels show them, shared by every open tab: a message goes through Markdown, the sanitizer and
/// mention resolution once instead of once in each tab that shows it (100 tabs of a channel did that work 100 times
/// for each new message, on the core that also renders them), and the tabs share one copy of the text, the whole
/// list item included, and one copy of each message as loaded. The HTML's key is everything it is made from; the
/// channel's readers, against which mentions resolve, by a hash of their ids and names (the message id already ties
/// it to one channel).
/// </summary>
public sealed class ChatMessageHtmlCache(PostMarkup markup) : IDisposable
{
    private readonly KeptCopies cache = new(20_000);

    /// <summary>A key for a channel's readers, worked out once per panel.</summary>
    public static int KeyOf(IReadOnlyList<MentionedMember> mentionable)
    {
        var hash = new HashCode();
        foreach (var member in mentionable)
        {
            hash.Add(member.UserId, StringComparer.Ordinal);
            hash.Add(member.DisplayName, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The message's head and body, for a list item the panel writes itself (one with buttons).</summary>
    public string For(
        ChatMessageView message, bool header, IReadOnlyList<MentionedMember> mentionable, int mentionableKey, TimeZoneInfo zone, string deletedText, string editedText) =>
        Get(new Key(message.Id, message.Body, message.AuthorName, message.CreatedAt, message.EditedAt, message.IsDeleted, header, default, mentionableKey, zone.Id, deletedText, editedText),
            () => ChatMessageHtml.For(markup, message, header, mentionable, zone, deletedText, editedText));

    /// <summary>
    /// The whole list item of a message, with the buttons this viewer has (<paramref name="editText"/> and
    /// <paramref name="deleteText"/>, null for none). Each tab wrapped the shared HTML in its own list item, a copy of
    /// every message's text per tab: with 50 messages shown, 27 KB of strings per open chat tab (dotnet-gcdump,
    /// circuits benchmark, 25 and 100 tabs).
    /// </summary>
    public string Item(
        ChatMessageView message, bool header, bool mention, string? editText, string? deleteText, IReadOnlyList<MentionedMember> mentionable,
        int mentionableKey, TimeZoneInfo zone, string deletedText, string editedText) =>
        Get(new Key(message.Id, message.Body, message.AuthorName, message.CreatedAt, message.EditedAt, message.IsDeleted, header,
                new Shape(true, mention, editText, deleteText), mentionableKey, zone.Id, deletedText, editedText),
            () => ChatMessageHtml.Item(For(message, header, mentionable, mentionableKey, zone, deletedText, editedText), message, header, mention, editText, deleteText));

    /// <summary>
    /// One copy of a message for every tab that loads it: each tab's history read made its own (the record and its
    /// author id, name and body, about 20 KB per tab with 50 messages shown; dotnet-gcdump, circuits benchmark). A
    /// message that changed since replaces the kept one; live events already hand every tab the same copy.
    /// </summary>
    public ChatMessageView Shared(ChatMessageView message) =>
        cache.Keep(new MessageKey(message.Id), kept => kept.Equals(message), () => message);

    /// <summary>
    /// One copy of a channel's readers, and of their mention forms, for every tab that loads the same list: each tab's
    /// read made its own, two records and two strings a member (a member's id and name): 2.1 KB a tab with ten
    /// members (dotnet-gcdump, circuits benchmark), about 43 KB in a group of 200. A list that differs (someone
    /// joined, left or changed their name) replaces the kept one; tabs that loaded the old list keep theirs.
    /// </summary>
    public ChatReaders Readers(Guid channelId, IReadOnlyList<ChatMember> loaded) =>
        cache.Keep(new ReadersKey(channelId), kept => kept.Members.SequenceEqual(loaded), () => ChatReaders.Of(loaded));

    public void Dispose() => cache.Dispose();

    private string Get(Key key, Func<string> make) => cache.Keep(key, static _ => true, make);

    /// <summary>The list item around the head and body, as one viewer sees it (none: the head and body alone).</summary>
    private readonly record struct Shape(bool Item, bool Mention, string? EditText, string? DeleteText);

    private readonly record struct Key(
        Guid MessageId, string Body, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsDeleted, bool Header,
        Shape Shape, int Readers, string Zone, string DeletedText, string EditedText);

    private readonly record struct MessageKey(Guid MessageId);

    private readonly record struct ReadersKey(Guid ChannelId);
}
