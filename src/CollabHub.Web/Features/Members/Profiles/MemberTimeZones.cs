using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>The IANA time zones a member can pick (what browsers report), checked against the server's own database.</summary>
public static class MemberTimeZones
{
    public const int IdMaxLength = 64;

    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId)
            .Select(z => z.Id)
            .Append("UTC")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList());

    /// <summary>Every IANA id the server knows, sorted, for the picker.</summary>
    public static IReadOnlyList<string> All => Ids.Value;

    /// <summary>
    /// True for a blank id (no time zone: <paramref name="zone"/> is null) or an IANA id this server knows. Windows
    /// names ("W. Europe Standard Time") are refused: browsers and other servers speak IANA.
    /// </summary>
    public static bool TryResolve(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return true;
        }

        var trimmed = id.Trim();
        if (trimmed.Length > IdMaxLength
            || !TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var found)
            || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }

    /// <summary>A member's time zone from their profile, for showing times; UTC for visitors and members who chose none.</summary>
    public static async Task<TimeZoneInfo> OfMemberAsync(AppDbContext db, string? userId, CancellationToken cancellationToken)
    {
        var id = userId is null
            ? null
            : await db.MemberProfiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).SingleOrDefaultAsync(cancellationToken);
        return TryResolve(id, out var zone) && zone is not null ? zone : TimeZoneInfo.Utc;
    }
}
