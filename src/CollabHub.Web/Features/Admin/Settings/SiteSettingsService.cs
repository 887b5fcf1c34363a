using System.Security.Claims;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Admin.Settings;

/// <summary>
/// Reads and changes the site settings. Reads are cheap lookups, also available inside another operation's
/// transaction (so a rule and the change it allows see the same value); changes are for administrators only,
/// checked against the database, and written with their audit entry in one transaction.
/// </summary>
public sealed class SiteSettingsService(IDbContextFactory<AppDbContext> contexts, IServiceScopeFactory scopes, AuditLog audit, TimeProvider clock)
{
    public const string GroupCreationKey = "groups.creation";

    public async Task<GroupCreationPolicy> GetGroupCreationAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadGroupCreationAsync(db, cancellationToken);
    }

    /// <summary>Who may create groups, read in the caller's context; all members until an administrator says otherwise.</summary>
    public static async Task<GroupCreationPolicy> ReadGroupCreationAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var value = await db.SiteSettings.Where(s => s.Key == GroupCreationKey).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        return Parse(value);
    }

    public async Task<AdminOutcome> SetGroupCreationAsync(ClaimsPrincipal actor, GroupCreationPolicy policy, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(policy))
        {
            return AdminOutcome.Refused("Choose who may create groups from the list.");
        }

        // The site-roles lock also queues two administrators saving settings at the same moment.
        await using var tx = await AdminTransaction.BeginAsync(scopes, cancellationToken);
        try
        {
            var admin = await MemberAdministrationService.RequireAdministratorAsync(tx, actor);
            var setting = await tx.Db.SiteSettings.SingleOrDefaultAsync(s => s.Key == GroupCreationKey, cancellationToken);
            var before = Parse(setting?.Value);
            if (before == policy)
            {
                return AdminOutcome.Done($"No change: {Describe(policy)} may already create groups.");
            }

            if (setting is null)
            {
                setting = new SiteSetting { Key = GroupCreationKey };
                tx.Db.SiteSettings.Add(setting);
            }

            setting.Value = policy.ToString();
            setting.UpdatedAt = clock.GetUtcNow();
            setting.UpdatedById = admin.Id;
            audit.Add(tx.Db, admin, AuditActions.SettingChange, subject: null, $"Who may create groups: {Describe(before)} → {Describe(policy)}");
            await tx.CommitAsync(cancellationToken);
            return AdminOutcome.Done($"Saved: {Describe(policy)} may create groups.");
        }
        catch (AdminRefusedException refused)
        {
            return AdminOutcome.Refused(refused.Message);
        }
    }

    public static string Describe(GroupCreationPolicy policy) => policy switch
    {
        GroupCreationPolicy.AllMembers => "all confirmed members",
        GroupCreationPolicy.ModeratorsOnly => "site moderators and administrators only",
        _ => policy.ToString(),
    };

    private static GroupCreationPolicy Parse(string? value) =>
        Enum.TryParse<GroupCreationPolicy>(value, out var policy) && Enum.IsDefined(policy) ? policy : GroupCreationPolicy.AllMembers;
}
