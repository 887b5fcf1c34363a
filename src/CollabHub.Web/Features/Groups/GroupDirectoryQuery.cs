namespace CollabHub.Web.Features.Groups;

/// <summary>What the directory was asked for: free text, a topic, an order, only the viewer's groups, and a 1-based page.</summary>
public sealed record GroupDirectoryQuery(string? Search, string? Topic, GroupSort Sort, bool Mine, int Page)
{
    public const int SearchMaxLength = 100;
    public const int PageSize = 24;
    public const int TopicChips = 20;
}
