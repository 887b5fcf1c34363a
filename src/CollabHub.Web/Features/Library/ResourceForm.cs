namespace CollabHub.Web.Features.Library;

/// <summary>The submit and edit form as posted: text as typed, checked by <see cref="ResourceDetailsValidator"/>.</summary>
public sealed class ResourceForm
{
    public const string FilesField = "Files";

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Description { get; set; }

    public string? Type { get; set; }

    public string? Entity { get; set; }

    /// <summary>Authors separated by semicolons or lines (names may contain commas).</summary>
    public string? Authors { get; set; }

    /// <summary>yyyy-MM-dd, as a date input posts it.</summary>
    public string? PublishedOn { get; set; }

    public List<string> Languages { get; set; } = [];

    public string? Topics { get; set; }

    public List<int> Sdgs { get; set; } = [];

    public string? Licence { get; set; }

    public string? LinkUrl { get; set; }

    /// <summary>The group's slug for a group resource; empty for the site-wide library.</summary>
    public string? Group { get; set; }

    /// <summary>The version the editor saw (optimistic concurrency).</summary>
    public int Version { get; set; }

    public static ResourceForm From(Resource resource, string? groupSlug) => new()
    {
        Title = resource.Title,
        Summary = resource.Summary,
        Description = resource.Description,
        Type = resource.Type.ToString(),
        Entity = resource.Entity,
        Authors = string.Join("; ", resource.Authors),
        PublishedOn = resource.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Languages = [.. resource.Languages],
        Topics = string.Join(", ", resource.Topics),
        Sdgs = [.. resource.Sdgs],
        Licence = resource.Licence,
        LinkUrl = resource.LinkUrl,
        Group = groupSlug,
        Version = resource.Version,
    };
}
