using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// A little history in the demo groups' chats (<see cref="GroupsDemoConversations.Chats"/>), sent through
/// <see cref="ChatService"/> as their members would, so unread counts and mentions work on it as on any message. A
/// channel that already holds messages is left as it is.
/// </summary>
public sealed class ChatDemoSeed(ChatService chat) : IDemoSeedStep
{
    public string Key => "chat/history";

    public async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var people = await GroupsDemoConversations.PeopleAsync(db, cancellationToken);
        foreach (var (slug, messages) in GroupsDemoConversations.Chats)
        {
            var groupId = await db.Groups.Where(g => g.Slug == slug).Select(g => (Guid?)g.Id).SingleOrDefaultAsync(cancellationToken);
            if (groupId is null || !messages.All(m => people.ContainsKey(m.Author)))
            {
                continue;
            }

            var channel = await chat.OpenGroupChannelAsync(Caller(people[messages[0].Author]), groupId.Value, cancellationToken);
            if (await db.ChatMessages.AnyAsync(m => m.ChannelId == channel.ChannelId, cancellationToken))
            {
                continue;
            }

            foreach (var (author, body) in messages)
            {
                await chat.SendAsync(Caller(people[author]), channel.ChannelId, Guid.NewGuid(), body, cancellationToken);
            }
        }
    }

    private static ChatCaller Caller(string userId) => new(userId, false, null);
}
