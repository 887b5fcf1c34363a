namespace CollabHub.Web.Features.Library;

/// <summary>A resource in a list: enough to recognise it and open it.</summary>
public sealed record ResourceCard(
    Guid Id,
    string Slug,
    string Title,
    string Summary,
    ResourceType Type,
    string? Entity,
    DateOnly? PublishedOn,
    string? GroupName)
{
    public string Path => $"/library/{Slug}";
}
