namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>A language a member speaks: its ISO 639-1 code, English name and own name (shown to fellow speakers).</summary>
public sealed record SpokenLanguage(string Code, string EnglishName, string NativeName)
{
    public string Label => string.Equals(EnglishName, NativeName, StringComparison.Ordinal) ? EnglishName : $"{EnglishName} ({NativeName})";
}
