using CollabHub.Web.Infrastructure.Text;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>Every rule a profile edit must pass, with the message shown beside the field that broke it.</summary>
public static class ProfileValidator
{
    /// <summary>The normalised changes, or null and at least one error keyed by <see cref="ProfileForm"/> property name.</summary>
    public static ProfileChanges? Validate(ProfileForm form, out IReadOnlyDictionary<string, string> errors)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);

        var displayName = SingleLine(form.DisplayName);
        if (displayName.Length < ProfileForm.DisplayNameMinLength || displayName.Length > ProfileForm.DisplayNameMaxLength)
        {
            found[nameof(ProfileForm.DisplayName)] =
                $"Enter the name colleagues know you by, {ProfileForm.DisplayNameMinLength} to {ProfileForm.DisplayNameMaxLength} characters.";
        }

        var code = string.IsNullOrWhiteSpace(form.OrganisationCode) ? null : form.OrganisationCode.Trim();
        string? other = null;
        if (code == UnOrganisations.OtherCode)
        {
            other = SingleLine(form.OrganisationOther);
            if (other.Length == 0 || other.Length > MemberProfile.OrganisationOtherMaxLength)
            {
                found[nameof(ProfileForm.OrganisationOther)] =
                    $"Enter your organisation's name, at most {MemberProfile.OrganisationOtherMaxLength} characters.";
            }
        }
        else if (code is not null && UnOrganisations.Find(code) is null)
        {
            found[nameof(ProfileForm.OrganisationCode)] = "Choose your organisation from the list, or \"Other\".";
        }

        var jobTitle = SingleLine(form.JobTitle);
        CheckLength(found, nameof(ProfileForm.JobTitle), "Job title", jobTitle, MemberProfile.JobTitleMaxLength);
        var dutyStation = SingleLine(form.DutyStation);
        CheckLength(found, nameof(ProfileForm.DutyStation), "Duty station", dutyStation, MemberProfile.DutyStationMaxLength);

        var bio = (form.Bio ?? "").ReplaceLineEndings("\n").Trim();
        if (bio.Length > MemberProfile.BioMaxLength)
        {
            found[nameof(ProfileForm.Bio)] = $"About you can have at most {MemberProfile.BioMaxLength} characters; it has {bio.Length}.";
        }

        var expertise = ExpertiseTags.Parse(form.Expertise, out var tagError);
        if (tagError is not null)
        {
            found[nameof(ProfileForm.Expertise)] = tagError;
        }

        var languages = form.Languages.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Any(l => SpokenLanguages.Find(l) is null))
        {
            found[nameof(ProfileForm.Languages)] = "Choose languages from the list.";
        }
        else if (languages.Count > SpokenLanguages.MaxPerMember)
        {
            found[nameof(ProfileForm.Languages)] = $"Choose at most {SpokenLanguages.MaxPerMember} languages.";
        }

        if (!MemberTimeZones.TryResolve(form.TimeZone, out var zone))
        {
            found[nameof(ProfileForm.TimeZone)] = "Choose a time zone from the list, such as Europe/Zurich or America/New_York.";
        }

        errors = found;
        if (found.Count > 0)
        {
            return null;
        }

        // Keep the catalogue's order, so profiles list languages the same way.
        var orderedLanguages = SpokenLanguages.All.Select(l => l.Code).Where(languages.Contains).ToList();
        return new ProfileChanges(displayName, code, other, dutyStation, jobTitle, bio, expertise!, orderedLanguages, zone?.Id);
    }

    private static void CheckLength(Dictionary<string, string> errors, string field, string label, string value, int max)
    {
        if (value.Length > max)
        {
            errors[field] = $"{label} can have at most {max} characters.";
        }
    }

    internal static string SingleLine(string? text) => PlainText.SingleLine(text);
}
