using System.Globalization;
using System.Text.RegularExpressions;

namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// Turns what a reader typed into a <c>to_tsquery</c> expression: every word must appear, each as a prefix
/// ("evaluat" finds "evaluation" and "evaluations"). Only letters and digits reach the expression, so no input can
/// inject tsquery operators or make the query fail.
/// </summary>
public static partial class DiscussionSearchQuery
{
    public const int MaxWords = 8;
    public const int MaxWordLength = 60;
    public const int MaxInputLength = 200;

    /// <summary>The expression, or null when the input has no word to search for.</summary>
    public static string? Build(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var input = text.Length > MaxInputLength ? text[..MaxInputLength] : text;
        var words = Word().Matches(input)
            .Select(m => m.Value.ToLower(CultureInfo.InvariantCulture))
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();
        return words.Count == 0 ? null : string.Join(" & ", words.Select(w => w + ":*"));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
