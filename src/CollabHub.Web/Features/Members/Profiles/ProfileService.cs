using System.Security.Claims;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>A member edits their own profile and picture.</summary>
public sealed class ProfileService(IDbContextFactory<AppDbContext> contexts, AvatarImageProcessor avatars, TimeProvider clock)
{
    /// <summary>The signed-in member's current profile, as the editor shows it; null if the account is gone.</summary>
    public async Task<OwnProfile?> GetOwnAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = MemberPrincipal.RequireUserId(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
                from u in db.Users.AsNoTracking()
                where u.Id == userId
                join p in db.Set<MemberProfile>() on u.Id equals p.UserId into profiles
                from p in profiles.DefaultIfEmpty()
                join a in db.Set<MemberAvatar>() on u.Id equals a.UserId into pictures
                from a in pictures.DefaultIfEmpty()
                select new { u.DisplayName, Profile = p, AvatarVersion = a == null ? (Guid?)null : a.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var profile = row.Profile;
        var form = new ProfileForm
        {
            DisplayName = row.DisplayName,
            OrganisationCode = profile?.OrganisationCode,
            OrganisationOther = profile?.OrganisationOther,
            JobTitle = profile?.JobTitle,
            DutyStation = profile?.DutyStation,
            Bio = profile?.Bio,
            Expertise = profile is null ? null : string.Join(", ", profile.Expertise),
            Languages = profile?.Languages.ToList() ?? [],
            TimeZone = profile?.TimeZone,
        };
        return new OwnProfile(userId, form, row.AvatarVersion);
    }

    /// <summary>
    /// Validates everything (fields and picture) before touching the database, then saves the name, the profile and
    /// the picture in one transaction: either all of it changes or none of it does.
    /// </summary>
    public async Task<ProfileSaveResult> SaveAsync(ClaimsPrincipal user, ProfileForm form, Stream? avatarUpload, CancellationToken cancellationToken = default)
    {
        var userId = MemberPrincipal.RequireUserId(user);
        var changes = ProfileValidator.Validate(form, out var fieldErrors);
        var errors = new Dictionary<string, string>(fieldErrors, StringComparer.Ordinal);

        ProcessedImage? picture = null;
        if (avatarUpload is not null)
        {
            try
            {
                picture = await avatars.ProcessAsync(avatarUpload, cancellationToken);
            }
            catch (ImageRejectedException rejected)
            {
                errors[ProfileSaveResult.AvatarField] = rejected.Message;
            }
        }

        if (changes is null || errors.Count > 0)
        {
            return new ProfileSaveResult(errors);
        }

        await StoreAsync(userId, changes, picture, cancellationToken);

        return ProfileSaveResult.Saved;
    }

    /// <summary>Removes the signed-in member's picture; they show their initials again. True if there was one.</summary>
    public async Task<bool> RemoveAvatarAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = MemberPrincipal.RequireUserId(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MemberAvatar>().Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>A member's picture for the avatar endpoint; signed-in members only.</summary>
    public async Task<MemberAvatar?> GetAvatarAsync(ClaimsPrincipal viewer, string userId, CancellationToken cancellationToken = default)
    {
        MemberPrincipal.RequireUserId(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MemberAvatar>().AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
    }

    private async Task StoreAsync(string userId, ProfileChanges changes, ProcessedImage? picture, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The user row is updated first: its lock, held to commit, queues simultaneous saves by the same member
        // (two tabs), so the second one finds the profile the first created instead of inserting another.
        var renamed = await db.Users
            .Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, changes.DisplayName), cancellationToken);
        if (renamed == 0)
        {
            throw new UnauthorizedAccessException("The signed-in account no longer exists.");
        }

        var profile = await db.Set<MemberProfile>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = MemberProfile.For(userId);
            db.Add(profile);
        }

        profile.Apply(changes, now);

        if (picture is not null)
        {
            var stored = await db.Set<MemberAvatar>().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
            if (stored is null)
            {
                stored = new MemberAvatar { UserId = userId };
                db.Add(stored);
            }

            stored.Content = picture.Content;
            stored.ContentType = picture.ContentType;
            stored.Version = Guid.CreateVersion7(now);
            stored.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
