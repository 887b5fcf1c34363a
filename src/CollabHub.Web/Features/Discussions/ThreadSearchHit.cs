namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// A thread that matches a search, best first. The HTML parts are sanitized <c>ts_headline</c> output: the member's
/// text encoded, with only <c>&lt;mark&gt;</c> around the matching words.
/// </summary>
public sealed record ThreadSearchHit(Guid ThreadId, string TitleHtml, string? SnippetHtml, int? PostNumber, DateTimeOffset LastActivityAt);
