using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Discussions.Mentions;
using Microsoft.Extensions.Caching.Memory;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Messages' HTML as chat panels show them, shared by every open tab: a message goes through Markdown, the sanitizer
/// and mention resolution once instead of once in each tab that shows it (100 tabs of a channel did that work 100
/// times for each new message, on the core that also renders them), and the tabs share one copy of the text. The key
/// is everything the HTML is made from; the channel's readers, against which mentions resolve, by a hash of their ids
/// and names (the message id already ties it to one channel).
/// </summary>
public sealed class ChatMessageHtmlCache(PostMarkup markup) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

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

    public string For(
        ChatMessageView message, bool header, IReadOnlyList<MentionedMember> mentionable, int mentionableKey, TimeZoneInfo zone, string deletedText, string editedText)
    {
        var key = new Key(message.Id, message.Body, message.AuthorName, message.CreatedAt, message.EditedAt, message.IsDeleted, header, mentionableKey, zone.Id, deletedText, editedText);
        if (cache.TryGetValue(key, out string? html) && html is not null)
        {
            return html;
        }

        html = ChatMessageHtml.For(markup, message, header, mentionable, zone, deletedText, editedText);
        cache.Set(key, html, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return html;
    }

    public void Dispose() => cache.Dispose();

    private readonly record struct Key(
        Guid MessageId, string Body, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsDeleted, bool Header,
        int Readers, string Zone, string DeletedText, string EditedText);
}
