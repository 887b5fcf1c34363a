namespace CollabHub.Web.Features.Groups;

/// <summary>What the holder of an invitation link sees: the group (even a hidden one), who invited them, and what they can do.</summary>
public sealed record GroupInvitationView(
    string GroupName,
    string GroupSlug,
    string GroupSummary,
    GroupVisibility Visibility,
    Guid? CoverVersion,
    string? InvitedBy,
    DateTimeOffset ExpiresAt,
    bool IsUsable,
    bool ViewerIsMember,
    bool ViewerIsBanned);
