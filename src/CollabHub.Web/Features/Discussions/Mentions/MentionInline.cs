using Markdig.Syntax.Inlines;

namespace CollabHub.Web.Features.Discussions.Mentions;

/// <summary>
/// <c>@**Name**</c>, or <c>@**Name|user-id**</c> when several members share the name, as written; the service fills
/// in <see cref="Member"/> once it has found who is meant.
/// </summary>
public sealed class MentionInline : LeafInline
{
    public string Name { get; init; } = "";

    public string? UserId { get; init; }

    /// <summary>The group member this resolves to; null renders the mention as plain text.</summary>
    public MentionedMember? Member { get; set; }
}
