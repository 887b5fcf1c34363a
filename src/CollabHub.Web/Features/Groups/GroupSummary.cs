namespace CollabHub.Web.Features.Groups;

/// <summary>What a listing shows of a group.</summary>
public sealed record GroupSummary(Guid Id, string Slug, string Name, string Summary, GroupVisibility Visibility)
{
    public int MemberCount { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    public DateTimeOffset LastActivityAt { get; init; }

    public Guid? CoverVersion { get; init; }

    /// <summary>The viewer's role in the group; null when they are not a member (or not signed in).</summary>
    public GroupRole? ViewerRole { get; init; }
}
