namespace CollabHub.Web.Features.Appeals;

/// <summary>The roll's filters: a capacity, a regional group (States and organisations by country), a kind of organisation.</summary>
public sealed record RollFilter(EndorsementCapacity? Capacity = null, UnRegionalGroup? Region = null, OrganisationType? Type = null, int Page = 1)
{
    public const int PageSize = 50;
}
