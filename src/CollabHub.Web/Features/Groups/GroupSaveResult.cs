namespace CollabHub.Web.Features.Groups;

/// <summary>Whether creating or editing a group went through; when not, the messages per field, and nothing changed.</summary>
public sealed record GroupSaveResult(IReadOnlyDictionary<string, string> Errors, string? Slug = null, bool IsNotFound = false)
{
    /// <summary>The key for errors about the uploaded cover.</summary>
    public const string CoverField = "Cover";

    /// <summary>The key for errors about the whole form (permission, a stale page).</summary>
    public const string FormField = "";

    public static readonly GroupSaveResult NotFound = new(new Dictionary<string, string>(), IsNotFound: true);

    public bool Succeeded => Errors.Count == 0 && !IsNotFound;

    public static GroupSaveResult Saved(string slug) => new(new Dictionary<string, string>(), slug);

    public static GroupSaveResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}
