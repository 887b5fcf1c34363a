namespace CollabHub.Web.Features.Library;

/// <summary>The answer to a submit or edit: the resource's address, or what to fix (by form field; "" for the form).</summary>
public sealed record ResourceSaveResult(string? Slug, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Slug is not null;

    public static ResourceSaveResult Saved(string slug) => new(slug, new Dictionary<string, string>());

    public static ResourceSaveResult Failed(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}
