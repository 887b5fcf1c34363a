namespace CollabHub.Web.Features.Discussions;

public enum DiscussionActivityKind
{
    ThreadStarted,
    Replied,
    Edited,
    Deleted,
    Hidden,
    Reacted,

    /// <summary>Pinned, unpinned, locked or unlocked.</summary>
    ThreadChanged,
}
