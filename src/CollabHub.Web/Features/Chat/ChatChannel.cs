namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Where chat messages live: a group's channel (<see cref="GroupId"/> set) or a direct conversation between two
/// members (<see cref="UserLowId"/> and <see cref="UserHighId"/> set, ordinally ordered so a pair has one row).
/// </summary>
public class ChatChannel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? GroupId { get; set; }

    public string? UserLowId { get; set; }

    public string? UserHighId { get; set; }

    /// <summary>The sequence number of the newest message; raised under the row lock of the insert that takes it.</summary>
    public long LastSeq { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the newest message arrived, for ordering conversation lists.</summary>
    public DateTimeOffset? LastMessageAt { get; set; }

    public bool IsDirect => GroupId is null;

    /// <summary>The two participants of a direct conversation in the order stored, so a pair maps to one channel.</summary>
    public static (string Low, string High) Pair(string userA, string userB)
    {
        if (string.Equals(userA, userB, StringComparison.Ordinal))
        {
            throw new ChatRefusedException("A conversation needs two different people.");
        }

        return string.CompareOrdinal(userA, userB) < 0 ? (userA, userB) : (userB, userA);
    }

    /// <summary>Whether <paramref name="userId"/> takes part in this direct conversation.</summary>
    public bool HasParticipant(string userId) => UserLowId == userId || UserHighId == userId;

    /// <summary>The other participant of a direct conversation, seen from <paramref name="userId"/>.</summary>
    public string? OtherParticipant(string userId) => UserLowId == userId ? UserHighId : UserHighId == userId ? UserLowId : null;
}
