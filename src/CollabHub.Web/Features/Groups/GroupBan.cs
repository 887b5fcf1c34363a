namespace CollabHub.Web.Features.Groups;

/// <summary>A member removed from a group who may not rejoin, ask to join, or read its content.</summary>
public class GroupBan
{
    public const int ReasonMaxLength = 500;

    public Guid GroupId { get; set; }

    public string UserId { get; set; } = "";

    public string? BannedById { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
