using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CollabHub.Web.Features.Appeals;

/// <summary>
/// One endorsement of one appeal, in one capacity. Counts and the roll come from confirmed rows only, so a count can
/// never drift from the endorsements behind it; unique indexes make a second endorsement by the same member, address,
/// organisation (name and country) or State impossible.
/// </summary>
public class Endorsement
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int ReferenceMaxLength = 300;
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(2);

    private Endorsement()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AppealId { get; private set; }

    public EndorsementCapacity Capacity { get; private set; }

    public EndorsementStatus Status { get; private set; }

    /// <summary>The member who endorsed (individually) or submitted the organisation's endorsement.</summary>
    public string? UserId { get; private set; }

    /// <summary>A visitor's address (individuals without an account only); never shown.</summary>
    public string? Email { get; private set; }

    /// <summary>A visitor's name, the organisation's name or the State's name; members are shown by display name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Whether an individual chose to appear on the public roll.</summary>
    public bool Listed { get; private set; }

    public OrganisationType? OrganisationType { get; private set; }

    /// <summary>An organisation's country, or a State's own code (ISO 3166-1 alpha-2).</summary>
    public string? CountryCode { get; private set; }

    /// <summary>The reference of a State's official communication.</summary>
    public string? Reference { get; private set; }

    /// <summary>SHA-256 of a visitor's confirmation token; cleared once confirmed.</summary>
    public byte[]? ConfirmationHash { get; private set; }

    public DateTimeOffset? ConfirmationExpiresAt { get; private set; }

    /// <summary>SHA-256 of the token in a visitor's withdraw link.</summary>
    public byte[]? WithdrawHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The moderator who confirmed an organisation or recorded a State.</summary>
    public string? ConfirmedById { get; private set; }

    /// <summary>A signed-in member's endorsement: counted at once.</summary>
    public static Endorsement ByMember(Guid appealId, string userId, bool listed, DateTimeOffset now) => new()
    {
        AppealId = appealId,
        Capacity = EndorsementCapacity.Individual,
        Status = EndorsementStatus.Confirmed,
        UserId = userId,
        Listed = listed,
        CreatedAt = now,
        ConfirmedAt = now,
    };

    /// <summary>A visitor's endorsement, counted only after the link in the returned token's mail is opened.</summary>
    public static (Endorsement Endorsement, string Token) ByVisitor(Guid appealId, string name, string email, bool listed, DateTimeOffset now)
    {
        var endorsement = new Endorsement
        {
            AppealId = appealId,
            Capacity = EndorsementCapacity.Individual,
            Status = EndorsementStatus.Pending,
            Name = name,
            Email = email,
            Listed = listed,
            CreatedAt = now,
        };
        return (endorsement, endorsement.RenewConfirmation(now));
    }

    /// <summary>An organisation's endorsement, shown only after a moderator confirms it.</summary>
    public static Endorsement ByOrganisation(
        Guid appealId, string? submittedById, string name, OrganisationType type, string countryCode, DateTimeOffset now) => new()
    {
        AppealId = appealId,
        Capacity = EndorsementCapacity.Organisation,
        Status = EndorsementStatus.Pending,
        UserId = submittedById,
        Name = name,
        OrganisationType = type,
        CountryCode = countryCode,
        CreatedAt = now,
    };

    /// <summary>A State's endorsement as a moderator records it from the official communication: confirmed at once.</summary>
    public static Endorsement ByState(Guid appealId, MemberState state, string reference, string? moderatorId, DateTimeOffset now) => new()
    {
        AppealId = appealId,
        Capacity = EndorsementCapacity.MemberState,
        Status = EndorsementStatus.Confirmed,
        Name = state.Name,
        CountryCode = state.Alpha2,
        Reference = reference,
        CreatedAt = now,
        ConfirmedAt = now,
        ConfirmedById = moderatorId,
    };

    /// <summary>A fresh confirmation token for a pending visitor (a second request resends a new link).</summary>
    public string RenewConfirmation(DateTimeOffset now)
    {
        var token = NewToken();
        ConfirmationHash = Hash(token);
        ConfirmationExpiresAt = now + ConfirmationLifetime;
        return token;
    }

    /// <summary>Confirms a visitor's address; returns the token of the withdraw link to mail them.</summary>
    public string ConfirmByEmail(DateTimeOffset now)
    {
        if (Status == EndorsementStatus.Confirmed || ConfirmationExpiresAt is not { } expires || now > expires)
        {
            throw new AppealRuleException(ExpiredLinkMessage);
        }

        Status = EndorsementStatus.Confirmed;
        ConfirmedAt = now;
        ConfirmationHash = null;
        ConfirmationExpiresAt = null;
        var token = NewToken();
        WithdrawHash = Hash(token);
        return token;
    }

    public const string ExpiredLinkMessage =
        "This confirmation link has expired or was already used. Endorse again from the appeal's page to get a new one.";

    /// <summary>A moderator confirms an organisation's endorsement, which then counts and shows.</summary>
    public void ConfirmByModerator(string? moderatorId, DateTimeOffset now)
    {
        if (Capacity != EndorsementCapacity.Organisation)
        {
            throw new AppealRuleException("Only organisations' endorsements wait for a moderator.");
        }

        if (Status == EndorsementStatus.Confirmed)
        {
            throw new AppealRuleException("This organisation's endorsement is already confirmed.");
        }

        Status = EndorsementStatus.Confirmed;
        ConfirmedAt = now;
        ConfirmedById = moderatorId;
    }

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
