using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Appeals;

public sealed partial class EndorsementService
{
    public const string OrganisationDuplicateMessage = "This organisation, in this country, has already endorsed this appeal or is waiting for confirmation.";

    /// <summary>A member endorses on behalf of an organisation; it waits for a moderator before it counts or shows.</summary>
    public Task<GroupOutcome> SubmitOrganisationAsync(
        AppealViewer viewer, string slug, string? name, OrganisationType? type, string? countryCode, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return Task.FromResult(GroupOutcome.Refused("Sign in to endorse on behalf of an organisation."));
        }

        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > Endorsement.NameMaxLength)
        {
            return Task.FromResult(GroupOutcome.Refused($"Enter the organisation's name (at most {Endorsement.NameMaxLength} characters)."));
        }

        if (type is not { } kind || !Enum.IsDefined(kind))
        {
            return Task.FromResult(GroupOutcome.Refused("Choose the kind of organisation."));
        }

        if (MemberStates.Find(countryCode) is not { } country)
        {
            return Task.FromResult(GroupOutcome.Refused("Choose the country where the organisation is based."));
        }

        return RunAsync(slug, viewer, OrganisationDuplicateMessage, cancellationToken, async work =>
        {
            work.Appeal.EnsureTakesEndorsements(Today);
            var key = trimmed.ToLowerInvariant();
            if (await work.Db.AppealEndorsements.AnyAsync(
                e => e.AppealId == work.Appeal.Id && e.Capacity == EndorsementCapacity.Organisation
                    && EF.Property<string>(e, "NameKey") == key && e.CountryCode == country.Alpha2,
                cancellationToken))
            {
                throw new AppealRuleException(OrganisationDuplicateMessage);
            }

            work.Db.AppealEndorsements.Add(Endorsement.ByOrganisation(work.Appeal.Id, viewer.UserId!, trimmed, kind, country.Alpha2, clock.GetUtcNow()));
            return $"Thank you: the endorsement of {trimmed} will show once a moderator has confirmed it.";
        });
    }
}
