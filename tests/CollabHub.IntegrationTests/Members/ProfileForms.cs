namespace CollabHub.IntegrationTests.Members;

/// <summary>The fields of the /Account/Manage profile form, as a browser posts them.</summary>
internal static class ProfileForms
{
    public const string Path = "/Account/Manage";
    public const string FormName = "profile";

    public static List<KeyValuePair<string, string>> Fields(
        string displayName,
        string organisation = "",
        string organisationOther = "",
        string jobTitle = "",
        string dutyStation = "",
        string bio = "",
        string expertise = "",
        string timeZone = "",
        params string[] languages)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.DisplayName", displayName),
            new("Input.OrganisationCode", organisation),
            new("Input.OrganisationOther", organisationOther),
            new("Input.JobTitle", jobTitle),
            new("Input.DutyStation", dutyStation),
            new("Input.Bio", bio),
            new("Input.Expertise", expertise),
            new("Input.TimeZone", timeZone),
        };
        fields.AddRange(languages.Select(l => new KeyValuePair<string, string>("Input.Languages", l)));
        return fields;
    }
}
