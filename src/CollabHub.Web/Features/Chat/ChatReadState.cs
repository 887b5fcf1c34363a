namespace CollabHub.Web.Features.Chat;

/// <summary>A member's read position in a channel, published on <c>LiveTopics.User</c> so every device of theirs follows.</summary>
public sealed record ChatReadState(Guid ChannelId, long LastReadSeq, long LastSeq)
{
    public long Unread => Math.Max(0, LastSeq - LastReadSeq);
}
