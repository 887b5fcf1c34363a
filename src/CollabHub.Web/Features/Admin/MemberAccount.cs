namespace CollabHub.Web.Features.Admin;

/// <summary>What administrators see of an account, in the member list and on its page.</summary>
public sealed record MemberAccount(
    string Id,
    string Email,
    string DisplayName,
    bool EmailConfirmed,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? SuspendedAt,
    string? SuspensionReason,
    DateTimeOffset? LockoutEnd,
    bool HasPassword,
    bool TwoFactorEnabled)
{
    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>Locked out for now by failed sign-ins (a suspension also locks the account, but reads as suspended).</summary>
    public bool IsLockedOut(DateTimeOffset now) => !IsSuspended && LockoutEnd > now;

    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Email : DisplayName;
}
