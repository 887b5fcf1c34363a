using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>The profile and whether a photo is stored, for the member's data download.</summary>
public sealed class ProfilePersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "profile";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var profile = await db.Set<MemberProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var hasPhoto = await db.Set<MemberAvatar>().AnyAsync(a => a.UserId == userId, cancellationToken);
        return profile is null && !hasPhoto ? null : new
        {
            organisation = profile?.OrganisationCode,
            organisationOther = profile?.OrganisationOther,
            dutyStation = profile?.DutyStation,
            jobTitle = profile?.JobTitle,
            bio = profile?.Bio,
            expertise = profile?.Expertise,
            languages = profile?.Languages,
            timeZone = profile?.TimeZone,
            updatedAt = profile?.UpdatedAt,
            photoStored = hasPhoto,
        };
    }
}
