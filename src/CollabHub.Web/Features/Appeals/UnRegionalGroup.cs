namespace CollabHub.Web.Features.Appeals;

/// <summary>The five regional groups of the General Assembly, the way the UN groups States for elections.</summary>
public enum UnRegionalGroup
{
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanCaribbean,
    WesternEuropeanAndOthers,
}
