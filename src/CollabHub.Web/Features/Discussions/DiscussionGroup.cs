namespace CollabHub.Web.Features.Discussions;

/// <summary>The group a discussion page belongs to, as its links and headings need it.</summary>
public sealed record DiscussionGroup(Guid Id, string Slug, string Name)
{
    public string DiscussionsPath => $"groups/{Slug}/discussions";

    public string ThreadPath(Guid threadId) => $"{DiscussionsPath}/{threadId:D}";

    /// <summary>The page of the thread that holds post <paramref name="number"/>, scrolled to it.</summary>
    public string PostPath(Guid threadId, int number) => $"{ThreadPath(threadId)}?post={number}#post-{number}";
}
