using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Admin;

/// <summary>Turns what someone typed into an <c>ILIKE</c> pattern that matches it literally, anywhere in the text.</summary>
internal static class SearchPatterns
{
    public static string Contains(string text) => SearchTerms.ContainsPattern(text.Trim());
}
