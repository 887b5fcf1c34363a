using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Admin;

public sealed partial class MemberAdministrationService
{
    /// <summary>
    /// Accounts whose e-mail or display name contains <paramref name="text"/> (any case), narrowed by
    /// <paramref name="filter"/>, newest first.
    /// </summary>
    public async Task<PagedResult<MemberAccount>> SearchAsync(
        string? text, MemberListFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = SearchPatterns.Contains(text);
            users = users.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName, pattern));
        }

        users = filter switch
        {
            MemberListFilter.All => users,
            MemberListFilter.Unconfirmed => users.Where(u => !u.EmailConfirmed),
            MemberListFilter.Suspended => users.Where(u => u.SuspendedAt != null),
            MemberListFilter.Administrators => InRole(db, users, SiteRoles.Administrator),
            MemberListFilter.Moderators => InRole(db, users, SiteRoles.Moderator),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
        };

        var total = await users.CountAsync(cancellationToken);
        page = Paging.Within(page, total, pageSize);
        var items = await Project(db, users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id))
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<MemberAccount>(items, page, pageSize, total);
    }

    public async Task<MemberOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        return new MemberOverview(
            await users.CountAsync(cancellationToken),
            await users.CountAsync(u => !u.EmailConfirmed, cancellationToken),
            await users.CountAsync(u => u.SuspendedAt != null, cancellationToken),
            await InRole(db, users, SiteRoles.Administrator).CountAsync(cancellationToken));
    }

    public async Task<MemberAccount?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Project(db, db.Users.AsNoTracking().Where(u => u.Id == userId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the account with this e-mail address is suspended; for the sign-in page to say so instead of a
    /// generic failure. False for unknown addresses.
    /// </summary>
    public async Task<bool> IsSuspendedAsync(string email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var normalized = normalizer.NormalizeEmail(email.Trim());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.SuspendedAt != null, cancellationToken);
    }

    private static IQueryable<ApplicationUser> InRole(AppDbContext db, IQueryable<ApplicationUser> users, string role) =>
        users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    private static IQueryable<MemberAccount> Project(AppDbContext db, IQueryable<ApplicationUser> users) =>
        users.Select(u => new MemberAccount(
            u.Id,
            u.Email ?? u.UserName ?? "",
            u.DisplayName,
            u.EmailConfirmed,
            db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
                .OrderBy(name => name)
                .ToList(),
            u.CreatedAt,
            u.LastSignInAt,
            u.SuspendedAt,
            u.SuspensionReason,
            u.LockoutEnd,
            u.PasswordHash != null,
            u.TwoFactorEnabled));
}
