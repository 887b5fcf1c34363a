using CollabHub.Web.Infrastructure.Text;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>Expertise tags on profiles, normalised (see <see cref="TagList"/>) so the directory finds everyone who shares one.</summary>
public static class ExpertiseTags
{
    public const int MaxCount = 10;
    public const int MaxLength = 40;

    private static readonly TagList Rules = new(MaxCount, MaxLength, "expertise tag", "expertise tags");

    /// <summary>Splits, normalises and de-duplicates; returns null and a reason when the input breaks a rule.</summary>
    public static IReadOnlyList<string>? Parse(string? text, out string? error) => Rules.Parse(text, out error);

    /// <summary>Lower case, single spaces, no leading '#', Unicode composed form.</summary>
    public static string Normalise(string raw) => TagList.Normalise(raw);
}
