namespace CollabHub.Web.Features.Discussions;

/// <summary>A post with open flags, in the moderators' review list.</summary>
public sealed record FlaggedPost(
    Guid PostId,
    Guid ThreadId,
    string ThreadTitle,
    int Number,
    PostAuthor Author,
    string Html,
    PostState State,
    IReadOnlyList<FlagReport> Flags);
