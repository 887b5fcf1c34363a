namespace CollabHub.Web.Features.Discussions;

/// <summary>What a draft will look like, and what would stop it being posted (unknown mentions, limits).</summary>
public sealed record MarkupPreview(string Html, IReadOnlyList<string> Problems);
