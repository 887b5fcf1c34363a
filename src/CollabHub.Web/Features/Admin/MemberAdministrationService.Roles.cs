using System.Security.Claims;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;

namespace CollabHub.Web.Features.Admin;

public sealed partial class MemberAdministrationService
{
    /// <summary>Gives the member exactly the site roles in <paramref name="roles"/> (each one of <see cref="SiteRoles.All"/>).</summary>
    public Task<AdminOutcome> SetRolesAsync(ClaimsPrincipal actor, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
        RunAsync(actor, userId, cancellationToken, async (tx, admin, member) =>
        {
            var unknown = roles.Where(r => !SiteRoles.All.Contains(r)).ToList();
            if (unknown.Count > 0)
            {
                throw new AdminRefusedException($"There is no site role called {string.Join(", ", unknown)}.");
            }

            await tx.EnsureSiteRolesAsync();
            var current = (await tx.Users.GetRolesAsync(member)).Where(SiteRoles.All.Contains).ToList();
            var toAdd = roles.Except(current).Distinct().ToList();
            var toRemove = current.Except(roles).ToList();
            if (toAdd.Count == 0 && toRemove.Count == 0)
            {
                return $"No change: {MemberDisplay.Of(member)} already has exactly these roles.";
            }

            if (toRemove.Contains(SiteRoles.Administrator))
            {
                if (member.Id == admin.Id)
                {
                    throw new AdminRefusedException("You can't remove your own Administrator role. Ask another administrator to do it.");
                }

                if (await tx.CountActiveAdministratorsAsync(member.Id, cancellationToken) == 0)
                {
                    throw new AdminRefusedException($"{MemberDisplay.Of(member)} is the last administrator. Make someone else an administrator first.");
                }
            }

            if (toAdd.Count > 0)
            {
                AdminTransaction.Ensure(await tx.Users.AddToRolesAsync(member, toAdd), "The roles could not be assigned");
            }

            if (toRemove.Count > 0)
            {
                AdminTransaction.Ensure(await tx.Users.RemoveFromRolesAsync(member, toRemove), "The roles could not be removed");

                // Taking a role away must also reach open circuits, which only notice a new security stamp.
                AdminTransaction.Ensure(await tx.Users.UpdateSecurityStampAsync(member), "The sign-in sessions could not be renewed");
            }

            foreach (var role in toAdd)
            {
                audit.Add(tx.Db, admin, AuditActions.RoleAssign, member, role);
            }

            foreach (var role in toRemove)
            {
                audit.Add(tx.Db, admin, AuditActions.RoleRemove, member, role);
            }

            var changes = toAdd.Select(r => $"assigned {r}").Concat(toRemove.Select(r => $"removed {r}"));
            return $"Roles of {MemberDisplay.Of(member)} updated: {string.Join(", ", changes)}.";
        });
}
