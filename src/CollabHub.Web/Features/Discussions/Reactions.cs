namespace CollabHub.Web.Features.Discussions;

/// <summary>The small fixed set of reactions, stored by code so the emoji can change without touching rows.</summary>
public static class Reactions
{
    public sealed record Kind(string Code, string Emoji, string Label);

    public static readonly IReadOnlyList<Kind> All =
    [
        new("thumbs_up", "👍", "Thumbs up"),
        new("heart", "❤️", "Heart"),
        new("tada", "🎉", "Celebrate"),
        new("smile", "😄", "Smile"),
        new("thinking", "🤔", "Thinking"),
        new("eyes", "👀", "Looking"),
    ];

    public const int CodeMaxLength = 16;

    /// <summary>The kind for a code, or a refusal naming the codes that exist.</summary>
    public static Kind Find(string? code) =>
        All.FirstOrDefault(k => k.Code == code)
        ?? throw new DiscussionException("That reaction is not one of the reactions the hub offers.");
}
