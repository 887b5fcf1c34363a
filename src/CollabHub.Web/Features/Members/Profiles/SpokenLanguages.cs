namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>The languages a member can list: the six official UN languages first, then others widely spoken across the system.</summary>
public static class SpokenLanguages
{
    public const int MaxPerMember = 12;

    public static readonly IReadOnlyList<SpokenLanguage> Official =
    [
        new("ar", "Arabic", "العربية"),
        new("zh", "Chinese", "中文"),
        new("en", "English", "English"),
        new("fr", "French", "Français"),
        new("ru", "Russian", "Русский"),
        new("es", "Spanish", "Español"),
    ];

    public static readonly IReadOnlyList<SpokenLanguage> Others =
    [
        new("am", "Amharic", "አማርኛ"),
        new("bn", "Bengali", "বাংলা"),
        new("de", "German", "Deutsch"),
        new("el", "Greek", "Ελληνικά"),
        new("fa", "Persian", "فارسی"),
        new("ha", "Hausa", "Hausa"),
        new("he", "Hebrew", "עברית"),
        new("hi", "Hindi", "हिन्दी"),
        new("id", "Indonesian", "Bahasa Indonesia"),
        new("it", "Italian", "Italiano"),
        new("ja", "Japanese", "日本語"),
        new("ko", "Korean", "한국어"),
        new("ms", "Malay", "Bahasa Melayu"),
        new("nl", "Dutch", "Nederlands"),
        new("pl", "Polish", "Polski"),
        new("ps", "Pashto", "پښتو"),
        new("pt", "Portuguese", "Português"),
        new("so", "Somali", "Soomaali"),
        new("sw", "Swahili", "Kiswahili"),
        new("th", "Thai", "ไทย"),
        new("tr", "Turkish", "Türkçe"),
        new("uk", "Ukrainian", "Українська"),
        new("ur", "Urdu", "اردو"),
        new("vi", "Vietnamese", "Tiếng Việt"),
        new("yo", "Yoruba", "Yorùbá"),
    ];

    public static readonly IReadOnlyList<SpokenLanguage> All = [.. Official, .. Others];

    private static readonly Dictionary<string, SpokenLanguage> ByCode = All.ToDictionary(l => l.Code, StringComparer.Ordinal);

    public static SpokenLanguage? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var language) ? language : null;
}
