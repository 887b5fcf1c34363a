namespace CollabHub.Web.Features.Chat;

/// <summary>When a member's last connection closed, kept so "last seen" survives a restart of the app.</summary>
public class MemberLastSeen
{
    public string UserId { get; set; } = "";

    public DateTimeOffset LastSeenAt { get; set; }
}
