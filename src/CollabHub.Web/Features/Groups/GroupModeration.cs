namespace CollabHub.Web.Features.Groups;

/// <summary>What only a group's moderators see: who is asking to join, who is invited, and who is banned.</summary>
public sealed record GroupModeration(
    IReadOnlyList<GroupModeration.Request> Requests,
    IReadOnlyList<GroupModeration.Invitation> Invitations,
    IReadOnlyList<GroupModeration.Ban> Bans)
{
    public sealed record Request(Guid Id, string UserId, string DisplayName, Guid? AvatarVersion, string Message, DateTimeOffset CreatedAt);

    public sealed record Invitation(Guid Id, string Email, string? InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool IsExpired);

    public sealed record Ban(string UserId, string DisplayName, string Reason, string? BannedBy, DateTimeOffset CreatedAt);
}
