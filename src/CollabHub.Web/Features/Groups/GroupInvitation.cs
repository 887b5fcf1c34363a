using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// An invitation mailed to an address. Only a hash of its token is stored, so the link in the mail is the only way to
/// use it; it works once, and for <see cref="Lifetime"/>.
/// </summary>
public class GroupInvitation
{
    public const int EmailMaxLength = 256;
    public const int TokenHashBytes = 32;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public const string UnusableMessage =
        "This invitation can't be used any more: it has expired, was already used, or was withdrawn. Ask the group's moderators for a new one.";

    private GroupInvitation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid GroupId { get; private set; }

    /// <summary>The address it was sent to, trimmed and in lower case, so a second invitation to it replaces the first.</summary>
    public string Email { get; private set; } = "";

    public byte[] TokenHash { get; private set; } = [];

    public string? InvitedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public GroupInvitationStatus Status { get; private set; }

    /// <summary>When it was accepted, declined or revoked.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>Who accepted or declined it (whoever held the link), or the moderator who revoked it.</summary>
    public string? AnsweredById { get; private set; }

    /// <summary>A new invitation and the token for its link; the token is not kept anywhere.</summary>
    public static (GroupInvitation Invitation, string Token) Create(Guid groupId, string email, string invitedById, DateTimeOffset now)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new GroupInvitation
        {
            GroupId = groupId,
            Email = email,
            TokenHash = Hash(token),
            InvitedById = invitedById,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (invitation, token);
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool IsUsable(DateTimeOffset now) => Status == GroupInvitationStatus.Pending && now < ExpiresAt;

    public void Accept(string userId, DateTimeOffset now) => Answer(GroupInvitationStatus.Accepted, userId, now);

    public void Decline(string userId, DateTimeOffset now) => Answer(GroupInvitationStatus.Declined, userId, now);

    /// <summary>A moderator withdraws it (or a newer invitation replaces it): the link stops working.</summary>
    public void Revoke(string moderatorId, DateTimeOffset now)
    {
        if (Status != GroupInvitationStatus.Pending)
        {
            throw new GroupRuleException("This invitation was already answered or withdrawn.");
        }

        Status = GroupInvitationStatus.Revoked;
        AnsweredById = moderatorId;
        AnsweredAt = now;
    }

    private void Answer(GroupInvitationStatus status, string userId, DateTimeOffset now)
    {
        if (!IsUsable(now))
        {
            throw new GroupRuleException(UnusableMessage);
        }

        Status = status;
        AnsweredById = userId;
        AnsweredAt = now;
    }
}
