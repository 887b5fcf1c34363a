namespace CollabHub.Web.Features.Library;

/// <summary>The review queue: the oldest pending submissions the viewer may decide, and the filters that apply.</summary>
public sealed record ReviewQueue(IReadOnlyList<ResourceView> Items, int Total, IReadOnlyList<(string Slug, string Name)> Groups, bool ReviewsSiteLibrary)
{
    public const int PageSize = 10;
}
