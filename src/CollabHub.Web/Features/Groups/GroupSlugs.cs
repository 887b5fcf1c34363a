using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CollabHub.Web.Features.Groups;

/// <summary>Group addresses (<c>/groups/{slug}</c>): made from names, checked, and kept clear of the site's own paths.</summary>
public static partial class GroupSlugs
{
    public const int MinLength = 3;

    /// <summary>Paths under <c>/groups/</c> that belong to the site, not to a group.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "new", "invitations", "mine", "search" };

    /// <summary>
    /// "Behavioural Science &amp; Évaluation" becomes "behavioural-science-evaluation": accents dropped, anything but
    /// letters and digits a hyphen. Names without Latin letters or digits get "group", which the form lets people change.
    /// </summary>
    public static string Suggest(string? name)
    {
        var decomposed = (name ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(lower);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > Group.SlugMaxLength)
        {
            slug = slug[..Group.SlugMaxLength].TrimEnd('-');
        }

        return slug.Length < MinLength || Reserved.Contains(slug) ? "group" + (slug.Length > 0 ? "-" + slug : "") : slug;
    }

    /// <summary>Null when <paramref name="slug"/> can be an address, else the reason it can't.</summary>
    public static string? Check(string slug)
    {
        if (slug.Length < MinLength || slug.Length > Group.SlugMaxLength)
        {
            return $"The address needs {MinLength} to {Group.SlugMaxLength} characters.";
        }

        if (!Format().IsMatch(slug))
        {
            return "Use lower-case letters, digits and single hyphens between them, such as \"behavioural-science\".";
        }

        return Reserved.Contains(slug) ? $"\"{slug}\" is used by the site itself; choose another address." : null;
    }

    /// <summary>The first of slug-2, slug-3, … that is not in <paramref name="taken"/>.</summary>
    public static string NextFree(string slug, IReadOnlyCollection<string> taken)
    {
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var stem = slug.Length + suffix.Length > Group.SlugMaxLength ? slug[..(Group.SlugMaxLength - suffix.Length)].TrimEnd('-') : slug;
            var candidate = stem + suffix;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
