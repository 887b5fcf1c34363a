namespace CollabHub.Web.Features.Library;

/// <summary>
/// The languages a resource may be in (the six UN official languages first) and the PostgreSQL text search
/// configuration that stems each. Languages PostgreSQL cannot stem (Chinese, Japanese, …) use <c>simple</c>; every
/// resource is also indexed with <c>simple</c>, so a word typed in any language still matches as written.
/// </summary>
public static class LibraryLanguages
{
    public const string FallbackConfig = "simple";

    public sealed record Language(string Code, string Name, string Config);

    public static IReadOnlyList<Language> All { get; } =
    [
        new("ar", "Arabic", "arabic"),
        new("zh", "Chinese", FallbackConfig),
        new("en", "English", "english"),
        new("fr", "French", "french"),
        new("ru", "Russian", "russian"),
        new("es", "Spanish", "spanish"),
        new("de", "German", "german"),
        new("it", "Italian", "italian"),
        new("ja", "Japanese", FallbackConfig),
        new("pt", "Portuguese", "portuguese"),
        new("sw", "Swahili", FallbackConfig),
        new("tr", "Turkish", "turkish"),
    ];

    /// <summary>The stemming configurations a query is also parsed with (each distinct one, never <c>simple</c>).</summary>
    public static IReadOnlyList<string> StemmingConfigs { get; } =
        [.. All.Select(l => l.Config).Where(c => c != FallbackConfig).Distinct(StringComparer.Ordinal)];

    /// <summary>Every configuration a resource may be indexed with: <c>simple</c> first, then each stemming one.</summary>
    public static IReadOnlyList<string> SearchConfigs { get; } = [FallbackConfig, .. StemmingConfigs];

    public static bool IsKnown(string code) => All.Any(l => l.Code == code);

    public static string NameOf(string code) => All.FirstOrDefault(l => l.Code == code)?.Name ?? code;

    /// <summary>The configuration of the resource's first language.</summary>
    public static string SearchConfigOf(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? FallbackConfig : All.FirstOrDefault(l => l.Code == codes[0])?.Config ?? FallbackConfig;
}
