namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// Whether a member hears about new threads in one of their groups. Members follow their groups by default (as in
/// HumHub); a row exists only once they chose, and it goes with the membership (its foreign key cascades).
/// </summary>
public sealed class GroupFollow
{
    public Guid GroupId { get; init; }

    public required string UserId { get; init; }

    public bool FollowsNewThreads { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
