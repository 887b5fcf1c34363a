namespace CollabHub.Web.Features.Chat;

/// <summary>How far a member has read a channel, shared by all their devices.</summary>
public class ChatReadPosition
{
    public Guid ChannelId { get; set; }

    public string UserId { get; set; } = "";

    public long LastReadSeq { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
