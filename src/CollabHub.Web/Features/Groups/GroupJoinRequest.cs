namespace CollabHub.Web.Features.Groups;

/// <summary>A member's request to join a group that asks first, and the moderators' answer.</summary>
public class GroupJoinRequest
{
    public const int MessageMaxLength = 1000;
    public const int ReplyMaxLength = 1000;

    private GroupJoinRequest()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid GroupId { get; private set; }

    public string UserId { get; private set; } = "";

    /// <summary>Why they would like to join, plain text; may be empty.</summary>
    public string Message { get; private set; } = "";

    public GroupJoinRequestStatus Status { get; private set; }

    /// <summary>The moderators' optional reply to a declined request, plain text.</summary>
    public string? Reply { get; private set; }

    public string? DecidedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was approved, declined or withdrawn; null while pending.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    public bool IsPending => Status == GroupJoinRequestStatus.Pending;

    /// <summary>Takes an already tidied message; the length rule is checked here and in the database.</summary>
    public static GroupJoinRequest Create(Guid groupId, string userId, string message, DateTimeOffset now)
    {
        if (message.Length > MessageMaxLength)
        {
            throw new GroupRuleException($"Keep your message within {MessageMaxLength} characters; it has {message.Length}.");
        }

        return new GroupJoinRequest { GroupId = groupId, UserId = userId, Message = message, CreatedAt = now };
    }

    public void Approve(string moderatorId, DateTimeOffset now)
    {
        EnsurePending();
        Status = GroupJoinRequestStatus.Approved;
        DecidedById = moderatorId;
        DecidedAt = now;
    }

    public void Decline(string moderatorId, string reply, DateTimeOffset now)
    {
        EnsurePending();
        if (reply.Length > ReplyMaxLength)
        {
            throw new GroupRuleException($"Keep the reply within {ReplyMaxLength} characters; it has {reply.Length}.");
        }

        Status = GroupJoinRequestStatus.Declined;
        Reply = reply.Length == 0 ? null : reply;
        DecidedById = moderatorId;
        DecidedAt = now;
    }

    public void Withdraw(DateTimeOffset now)
    {
        EnsurePending();
        Status = GroupJoinRequestStatus.Withdrawn;
        DecidedAt = now;
    }

    private void EnsurePending()
    {
        if (!IsPending)
        {
            throw new GroupRuleException(Status switch
            {
                GroupJoinRequestStatus.Approved => "This request was already approved.",
                GroupJoinRequestStatus.Declined => "This request was already declined.",
                GroupJoinRequestStatus.Withdrawn => "This request was withdrawn.",
                _ => "This request was already answered.",
            });
        }
    }
}
