using CollabHub.Web.Features.Admin;

namespace CollabHub.Web.Features.Groups;

/// <summary>One page of the directory, and the topics to filter by (counted over the groups this viewer may see).</summary>
public sealed record GroupDirectoryResult(PagedResult<GroupSummary> Groups, IReadOnlyList<GroupDirectoryResult.TopicCount> Topics)
{
    public sealed record TopicCount(string Topic, int Groups);
}
