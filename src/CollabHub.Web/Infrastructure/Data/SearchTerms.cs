namespace CollabHub.Web.Infrastructure.Data;

/// <summary>What someone typed into a search box, made safe and bounded for <c>ILIKE</c> queries.</summary>
public static class SearchTerms
{
    public const int MaxWords = 6;

    /// <summary>The distinct words of a search, from at most <paramref name="maxLength"/> characters, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? search, int maxLength)
    {
        var text = (search ?? "").Trim();
        if (text.Length > maxLength)
        {
            text = text[..maxLength];
        }

        return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords).ToList();
    }

    /// <summary>An <c>ILIKE</c> pattern matching <paramref name="text"/> literally, anywhere (backslash is PostgreSQL's default escape).</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
