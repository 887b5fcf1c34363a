namespace CollabHub.Web.Features.Admin;

/// <summary>Turns what someone typed into an <c>ILIKE</c> pattern that matches it literally, anywhere in the text.</summary>
internal static class SearchPatterns
{
    public static string Contains(string text)
    {
        // PostgreSQL's default LIKE escape character is the backslash.
        var escaped = text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
