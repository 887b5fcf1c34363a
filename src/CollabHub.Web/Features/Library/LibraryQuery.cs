using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace CollabHub.Web.Features.Library;

/// <summary>The library page's state, as it travels in the query string (so every view has a shareable address).</summary>
public sealed record LibraryQuery
{
    public const int PageSize = 20;

    public string Q { get; init; } = "";

    public ResourceType? Type { get; init; }

    public string? Topic { get; init; }

    public int? Sdg { get; init; }

    public string? Language { get; init; }

    public string? Entity { get; init; }

    public int? Year { get; init; }

    /// <summary>A group's slug: only that group's resources.</summary>
    public string? Group { get; init; }

    public LibrarySort Sort { get; init; }

    public int Page { get; init; } = 1;

    public bool IsFiltered => Q.Length > 0 || Type is not null || Topic is not null || Sdg is not null || Language is not null
        || Entity is not null || Year is not null || Group is not null;

    /// <summary>Reads the query string leniently: anything unrecognised is ignored rather than an error.</summary>
    public static LibraryQuery Parse(string? q, string? type, string? topic, string? sdg, string? lang, string? entity, string? year, string? group, string? sort, string? page) => new()
    {
        Q = LibrarySearchIndex.CleanQuery(q),
        Type = Enum.TryParse<ResourceType>(type, out var t) && Enum.IsDefined(t) ? t : null,
        Topic = Blank(topic),
        Sdg = int.TryParse(sdg, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is >= 1 and <= 17 ? g : null,
        Language = Blank(lang),
        Entity = Blank(entity),
        Year = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 3000 ? y : null,
        Group = Blank(group),
        Sort = Enum.TryParse<LibrarySort>(sort, out var s) && Enum.IsDefined(s) ? s : LibrarySort.Relevance,
        Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 10_000 ? p : 1,
    };

    /// <summary>The address of this state (page 1 unless <paramref name="page"/> is given).</summary>
    public string Url(int page = 1)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q.Length == 0 ? null : Q,
            ["type"] = Type?.ToString(),
            ["topic"] = Topic,
            ["sdg"] = Sdg?.ToString(CultureInfo.InvariantCulture),
            ["lang"] = Language,
            ["entity"] = Entity,
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
            ["group"] = Group,
            ["sort"] = Sort == LibrarySort.Relevance ? null : Sort.ToString(),
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/library", values.Where(v => v.Value is not null)!);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 120)];
}
