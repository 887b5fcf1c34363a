namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>A form found on a page: where it posts and the values it carries (hidden antiforgery token included).</summary>
public sealed record HtmlForm(Uri Action, IReadOnlyDictionary<string, string> Fields);
