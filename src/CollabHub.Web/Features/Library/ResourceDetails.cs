namespace CollabHub.Web.Features.Library;

/// <summary>A resource's describing fields, already checked by <see cref="ResourceDetailsValidator"/>.</summary>
public sealed record ResourceDetails(
    string Title,
    string Summary,
    string Description,
    ResourceType Type,
    string? Entity,
    IReadOnlyList<string> Authors,
    DateOnly? PublishedOn,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> Sdgs,
    string? Licence,
    string? LinkUrl);
