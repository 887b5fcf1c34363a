namespace CollabHub.Web.Features.Library;

/// <summary>The home page's library section: featured and newest resources the viewer may see.</summary>
/// <remarks>The section's review count is the header's (<see cref="IPendingReviewCount"/>), read with its other counts.</remarks>
public sealed record LibraryHome(IReadOnlyList<ResourceCard> Featured, IReadOnlyList<ResourceCard> Newest);
