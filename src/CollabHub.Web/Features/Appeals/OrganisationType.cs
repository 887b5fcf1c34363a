namespace CollabHub.Web.Features.Appeals;

/// <summary>The kinds of organisation that endorse appeals, as the roll's filter offers them.</summary>
public enum OrganisationType
{
    UnEntity = 0,
    Ngo = 1,
    Academic = 2,
    PrivateSector = 3,
    RegionalOrganisation = 4,
}
