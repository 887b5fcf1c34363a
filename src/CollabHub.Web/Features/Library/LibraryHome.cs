namespace CollabHub.Web.Features.Library;

/// <summary>The home page's library section: featured and newest resources the viewer may see, and their review count.</summary>
public sealed record LibraryHome(IReadOnlyList<ResourceCard> Featured, IReadOnlyList<ResourceCard> Newest, int AwaitingReview);
