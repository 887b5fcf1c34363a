namespace CollabHub.Web.Features.Appeals;

/// <summary>English keys for the appeal feature's enums, for <c>IStringLocalizer</c>.</summary>
public static class AppealLabels
{
    public static string Status(AppealStatus status) => status switch
    {
        AppealStatus.Draft => "Draft",
        AppealStatus.Open => "Open",
        AppealStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Type(OrganisationType type) => type switch
    {
        OrganisationType.UnEntity => "UN entity",
        OrganisationType.Ngo => "NGO",
        OrganisationType.Academic => "Academic",
        OrganisationType.PrivateSector => "Private sector",
        OrganisationType.RegionalOrganisation => "Regional organisation",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Region(UnRegionalGroup region) => region switch
    {
        UnRegionalGroup.African => "African States",
        UnRegionalGroup.AsiaPacific => "Asia-Pacific States",
        UnRegionalGroup.EasternEuropean => "Eastern European States",
        UnRegionalGroup.LatinAmericanCaribbean => "Latin American and Caribbean States",
        UnRegionalGroup.WesternEuropeanAndOthers => "Western European and other States",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };

    public static string Capacity(EndorsementCapacity capacity) => capacity switch
    {
        EndorsementCapacity.MemberState => "Member States",
        EndorsementCapacity.Organisation => "Organisations",
        EndorsementCapacity.Individual => "People",
        _ => throw new ArgumentOutOfRangeException(nameof(capacity), capacity, null),
    };
}
