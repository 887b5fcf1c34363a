namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// A post as one viewer sees it. <see cref="Html"/> and <see cref="Markdown"/> are null for a removed post unless the
/// viewer moderates the group.
/// </summary>
public sealed record PostView(
    Guid Id,
    int Number,
    PostAuthor Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int Version,
    PostState State,
    string? Html,
    string? Markdown,
    string? HiddenReason,
    ReplyToView? ReplyTo,
    IReadOnlyList<ReactionView> Reactions,
    PostPermissions Can,
    FlagStatus? MyFlag)
{
    public bool IsEdited => EditedAt is not null;
}
