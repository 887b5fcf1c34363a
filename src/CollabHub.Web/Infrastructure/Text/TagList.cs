using System.Globalization;
using System.Text;

namespace CollabHub.Web.Infrastructure.Text;

/// <summary>
/// Tags as members type them ("Behavioural Science, #RCTs , human rights") become one normal form ("behavioural
/// science", "rcts", "human rights"), so lists and filters find everything that shares a tag. Expertise on profiles
/// and group topics follow the same rules, each with its own limits and wording.
/// </summary>
public sealed record TagList(int MaxCount, int MaxLength, string Singular, string Plural)
{
    /// <summary>Splits, normalises and de-duplicates; returns null and a reason when the input breaks a rule.</summary>
    public IReadOnlyList<string>? Parse(string? text, out string? error)
    {
        error = null;
        var tags = new List<string>();
        foreach (var raw in (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = Normalise(raw);
            if (tag.Length == 0 || tags.Contains(tag, StringComparer.Ordinal))
            {
                continue;
            }

            if (tag.Length > MaxLength)
            {
                error = $"Each {Singular} can have at most {MaxLength} characters; \"{Shorten(tag)}\" is longer.";
                return null;
            }

            if (!tag.All(IsAllowed))
            {
                error = $"{char.ToUpperInvariant(Plural[0])}{Plural[1..]} can contain letters, digits, spaces and - + # . & / ' only; \"{Shorten(tag)}\" has other characters.";
                return null;
            }

            tags.Add(tag);
        }

        if (tags.Count > MaxCount)
        {
            error = $"Add at most {MaxCount} {Plural}; you entered {tags.Count}.";
            return null;
        }

        return tags;
    }

    /// <summary>Lower case, single spaces, no leading '#', Unicode composed form.</summary>
    public static string Normalise(string raw)
    {
        var text = raw.Normalize(NormalizationForm.FormC).Trim().TrimStart('#').Trim();
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char c) =>
        char.IsLetterOrDigit(c) || c == ' ' || c is '-' or '+' or '#' or '.' or '&' or '/' or '\'' or '’' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string Shorten(string tag) => tag.Length <= 24 ? tag : $"{tag[..24]}…";
}
