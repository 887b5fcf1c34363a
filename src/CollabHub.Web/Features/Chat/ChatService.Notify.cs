using CollabHub.Web.Features.Discussions.Mentions;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Chat;

public sealed partial class ChatService
{
    /// <summary>
    /// Stages the notifications a new message causes, in the send's own transaction: a direct message to someone who
    /// is not connected (they would not see it arrive), and a mention (<c>@**Name**</c>, the syntax discussions use) of
    /// each member who can read the channel. A participant told of the direct message is not told twice.
    /// </summary>
    private async Task StageNotificationsAsync(
        AppDbContext db, ChatChannelInfo channel, ChatMessage message, string authorName, CancellationToken cancellationToken)
    {
        var told = new HashSet<string>(StringComparer.Ordinal);
        // Worked out only for a message that notifies someone: most do not, and parsing each one's Markdown would cost
        // every send.
        string? excerpt = null;
        string Excerpt() => excerpt ??= markup.ToPlainText(message.Body);
        var url = ChatLinks.Channel(channel.ChannelId, channel.GroupSlug);
        if (channel.OtherUserId is { } recipient && presence.Get(recipient).State == PresenceState.Offline)
        {
            notifier.Add(db, new NotificationRequest(
                recipient, NotificationKind.DirectMessage, message.AuthorId, ChatLinks.ConversationSubject(channel.ChannelId), url,
                $"{authorName} sent you a message", Excerpt()));
            told.Add(recipient);
        }

        foreach (var mentioned in await MentionedAsync(db, channel, message, cancellationToken))
        {
            if (told.Add(mentioned))
            {
                var title = channel.GroupId is null
                    ? $"{authorName} mentioned you in your conversation"
                    : $"{authorName} mentioned you in the chat of {channel.Title}";
                notifier.Add(db, new NotificationRequest(
                    mentioned, NotificationKind.Mention, message.AuthorId, ChatLinks.ChannelSubject(channel.ChannelId), url, title, Excerpt(), channel.GroupId));
            }
        }
    }

    /// <summary>The readers of the channel a message mentions, each once; a name matching nobody (or several) stays plain text.</summary>
    private async Task<IReadOnlyList<string>> MentionedAsync(
        AppDbContext db, ChatChannelInfo channel, ChatMessage message, CancellationToken cancellationToken)
    {
        if (!message.Body.Contains("@**", StringComparison.Ordinal))
        {
            return [];
        }

        var draft = markup.Parse(message.Body);
        if (draft.Mentions.Count == 0)
        {
            return [];
        }

        var readers = await ReadersOf(db, channel, message.AuthorId!).Select(u => new MentionedMember(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        MentionResolver.Resolve(draft.Mentions, readers);
        return draft.MentionedUserIds;
    }
}
