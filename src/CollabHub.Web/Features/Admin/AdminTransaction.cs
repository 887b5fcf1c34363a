using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CollabHub.Web.Features.Admin;

/// <summary>
/// One administrative change: a fresh scope whose <see cref="AppDbContext"/> is the one Identity's stores use, inside
/// one database transaction, so the Identity changes and the audit entry commit together or not at all.
/// Holds the site-roles advisory lock until the end, so rules such as "keep one administrator" are checked and
/// applied without a race between two administrators.
/// </summary>
internal sealed class AdminTransaction : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;
    private readonly IDbContextTransaction transaction;

    private AdminTransaction(AsyncServiceScope scope, AppDbContext db, IDbContextTransaction transaction)
    {
        this.scope = scope;
        this.transaction = transaction;
        Db = db;
        Users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
    }

    public AppDbContext Db { get; }

    /// <summary>The scope's services, for what else the change needs (the audit log, options).</summary>
    public IServiceProvider Services => scope.ServiceProvider;

    public UserManager<ApplicationUser> Users { get; }

    public RoleManager<IdentityRole> Roles { get; }

    public static async Task<AdminTransaction> BeginAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('collabhub-site-roles'))", cancellationToken);
            return new AdminTransaction(scope, db, transaction);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>Saves what is still pending (the audit entries) and commits.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Throws <see cref="AdminRefusedException"/> with Identity's own reasons when it refused a change.</summary>
    public static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new AdminRefusedException($"{what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>Creates any site role the database lacks: a production database is not seeded with demo content.</summary>
    public async Task EnsureSiteRolesAsync()
    {
        foreach (var role in SiteRoles.All)
        {
            if (!await Roles.RoleExistsAsync(role))
            {
                Ensure(await Roles.CreateAsync(new IdentityRole(role)), $"The {role} role could not be created");
            }
        }
    }

    /// <summary>Administrators other than <paramref name="exceptUserId"/> who are not suspended.</summary>
    public async Task<int> CountActiveAdministratorsAsync(string exceptUserId, CancellationToken cancellationToken)
    {
        var normalized = Roles.NormalizeKey(SiteRoles.Administrator);
        return await Db.Users.CountAsync(
            u => u.Id != exceptUserId
                && u.SuspendedAt == null
                && Db.UserRoles.Any(ur => ur.UserId == u.Id && Db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)),
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Rolls back when CommitAsync was not reached.
        await transaction.DisposeAsync();
        await scope.DisposeAsync();
    }
}
