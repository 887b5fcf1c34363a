using CollabHub.Web.Features.Discussions.Mentions;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// A channel's readers as a chat panel uses them: for "who is here", and as the members a message may mention, with
/// the key of that list (<see cref="ChatMessageHtmlCache.KeyOf"/>) that a message's HTML is kept under.
/// </summary>
public sealed record ChatReaders(IReadOnlyList<ChatMember> Members, IReadOnlyList<MentionedMember> Mentionable, int MentionableKey)
{
    public static ChatReaders Of(IReadOnlyList<ChatMember> members)
    {
        IReadOnlyList<MentionedMember> mentionable = [.. members.Select(m => new MentionedMember(m.UserId, m.DisplayName))];
        return new ChatReaders(members, mentionable, ChatMessageHtmlCache.KeyOf(mentionable));
    }
}
