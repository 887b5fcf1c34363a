namespace CollabHub.Web.Features.Appeals;

/// <summary>Everything the appeal page shows to one viewer.</summary>
public sealed record AppealView(
    AppealAccess Access,
    string? GroupName,
    string? GroupSlug,
    AppealCounts Counts,
    IReadOnlyList<RollEntry> Roll,
    int RollTotal,
    int RollPage,
    bool ViewerEndorses,
    bool TakesEndorsements);
