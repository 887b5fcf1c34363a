namespace CollabHub.Web.Features.Groups;

/// <summary>A discussion space people join around a shared cause.</summary>
public class Group
{
    public const int NameMaxLength = 120;
    public const int SlugMaxLength = 80;
    public const int SummaryMaxLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The URL name, lower-case letters, digits and hyphens.</summary>
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>One or two sentences shown in listings.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The longer description, Markdown.</summary>
    public string Description { get; set; } = "";

    public GroupVisibility Visibility { get; set; } = GroupVisibility.Public;

    public DateTimeOffset CreatedAt { get; set; }
}
