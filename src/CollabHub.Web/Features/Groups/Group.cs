namespace CollabHub.Web.Features.Groups;

/// <summary>A discussion space people join around a shared cause.</summary>
public class Group
{
    public const int NameMaxLength = 120;
    public const int SlugMaxLength = 80;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 20_000;
    public const int MaxTopics = 8;
    public const int TopicMaxLength = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The URL name, lower-case letters, digits and hyphens.</summary>
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>One or two sentences shown in listings.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The longer description, Markdown.</summary>
    public string Description { get; set; } = "";

    public GroupVisibility Visibility { get; set; } = GroupVisibility.Public;

    public GroupJoinPolicy JoinPolicy { get; set; } = GroupJoinPolicy.Open;

    /// <summary>Normalised topic tags (lower case), for filtering the directory.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Who started the group; null once that account is deleted.</summary>
    public string? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Kept by the membership operations in the same transaction, so listings can sort by size cheaply.</summary>
    public int MemberCount { get; set; }

    /// <summary>The last post, reply or membership change; the directory's "active" order.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Whether a non-member may learn that the group exists (listings, search, its page).</summary>
    public bool IsListed => Visibility != GroupVisibility.Hidden;
}
