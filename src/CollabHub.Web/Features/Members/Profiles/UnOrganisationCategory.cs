namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>How the UN System Chart groups its entities; the organisation picker shows one group per category.</summary>
public enum UnOrganisationCategory
{
    Secretariat,
    FundsAndProgrammes,
    SpecializedAgencies,
    RelatedOrganizations,
    RegionalCommissions,
    ResearchAndTraining,
    OtherEntities,
}
