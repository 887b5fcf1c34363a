namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// Published to <c>thread:{id}</c> and <c>group:{id}</c> after a change to a thread commits. It says what changed,
/// not what it now says: readers load the post through the service, which applies their current access.
/// </summary>
public sealed record DiscussionActivity(Guid GroupId, Guid ThreadId, Guid? PostId, int? PostNumber, DiscussionActivityKind Kind);
