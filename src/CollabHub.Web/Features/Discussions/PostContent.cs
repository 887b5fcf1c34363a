namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// One version of what a member wrote: the Markdown as typed, the safe HTML rendered from it (cached with the version
/// so readers never re-render), and the members it mentions.
/// </summary>
public sealed record PostContent(string Markdown, string Html, IReadOnlyList<string> MentionedUserIds);
