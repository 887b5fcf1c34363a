using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Appeals;

public sealed partial class AppealService
{
    public const string StateDuplicateMessage = "This State's endorsement is already recorded.";

    /// <summary>A moderator confirms an organisation's endorsement: it counts and shows from now on.</summary>
    public Task<GroupOutcome> ConfirmOrganisationAsync(AppealViewer viewer, string slug, Guid endorsementId, CancellationToken cancellationToken = default) =>
        ModerateAsync(viewer, slug, "", cancellationToken, async work =>
        {
            var endorsement = await OrganisationAsync(work, endorsementId, cancellationToken);
            endorsement.ConfirmByModerator(viewer.UserId!, clock.GetUtcNow());
            work.CountsChanged = true;
            return $"The endorsement of {endorsement.Name} is confirmed.";
        });

    /// <summary>A moderator turns an organisation's endorsement down (or removes a confirmed one).</summary>
    public Task<GroupOutcome> RemoveOrganisationAsync(AppealViewer viewer, string slug, Guid endorsementId, CancellationToken cancellationToken = default) =>
        ModerateAsync(viewer, slug, "", cancellationToken, async work =>
        {
            var endorsement = await OrganisationAsync(work, endorsementId, cancellationToken);
            work.Db.AppealEndorsements.Remove(endorsement);
            work.CountsChanged = endorsement.Status == EndorsementStatus.Confirmed;
            return $"The endorsement of {endorsement.Name} is removed.";
        });

    /// <summary>Records a State's endorsement from its official communication (moderators only; open appeals only).</summary>
    public Task<GroupOutcome> RecordStateAsync(AppealViewer viewer, string slug, string? stateCode, string? reference, CancellationToken cancellationToken = default)
    {
        if (MemberStates.Find(stateCode) is not { } state)
        {
            return Task.FromResult(GroupOutcome.Refused("Choose a Member State or observer State."));
        }

        var trimmed = reference?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > Endorsement.ReferenceMaxLength)
        {
            return Task.FromResult(GroupOutcome.Refused(
                $"Enter the reference of the official communication (at most {Endorsement.ReferenceMaxLength} characters)."));
        }

        return ModerateAsync(viewer, slug, StateDuplicateMessage, cancellationToken, async work =>
        {
            work.Appeal.EnsureTakesEndorsements(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (await work.Db.AppealEndorsements.AnyAsync(
                e => e.AppealId == work.Appeal.Id && e.Capacity == EndorsementCapacity.MemberState && e.CountryCode == state.Alpha2, cancellationToken))
            {
                throw new AppealRuleException(StateDuplicateMessage);
            }

            work.Db.AppealEndorsements.Add(Endorsement.ByState(work.Appeal.Id, state, trimmed, viewer.UserId!, clock.GetUtcNow()));
            work.CountsChanged = true;
            return await AuditedAsync(work, viewer, AuditActions.AppealStateRecord, $"{slug}: {state.Name} ({trimmed})", $"The endorsement of {state.Name} is recorded.");
        });
    }

    public Task<GroupOutcome> RemoveStateAsync(AppealViewer viewer, string slug, string stateCode, CancellationToken cancellationToken = default) =>
        ModerateAsync(viewer, slug, "", cancellationToken, async work =>
        {
            var removed = await work.Db.AppealEndorsements
                .Where(e => e.AppealId == work.Appeal.Id && e.Capacity == EndorsementCapacity.MemberState && e.CountryCode == stateCode)
                .ExecuteDeleteAsync(cancellationToken);
            work.CountsChanged = removed > 0;
            return removed > 0
                ? await AuditedAsync(work, viewer, AuditActions.AppealStateRemove, $"{slug}: {MemberStates.NameOf(stateCode)}", $"The endorsement of {MemberStates.NameOf(stateCode)} is removed.")
                : throw new AppealRuleException("That State's endorsement is not recorded.");
        });

    private static async Task<Endorsement> OrganisationAsync(AppealWork work, Guid endorsementId, CancellationToken cancellationToken) =>
        await work.Db.AppealEndorsements.SingleOrDefaultAsync(
            e => e.Id == endorsementId && e.AppealId == work.Appeal.Id && e.Capacity == EndorsementCapacity.Organisation, cancellationToken)
        ?? throw new AppealRuleException("That endorsement is no longer there; the page was out of date.");

    /// <summary>Endorsement moderation shares the appeal's lock with endorsing: they only add or remove rows.</summary>
    private Task<GroupOutcome> ModerateAsync(
        AppealViewer viewer, string slug, string duplicateMessage, CancellationToken cancellationToken, Func<AppealWork, Task<string>> change) =>
        AppealWork.RunAsync(contexts, slug, viewer, exclusive: false, live, logger, duplicateMessage, cancellationToken, async work =>
            work.Access.CanManage ? await change(work) : throw new AppealRuleException(ManagersOnlyMessage));
}
