namespace CollabHub.Web.Features.Groups;

/// <summary>What a listing shows of a group.</summary>
public sealed record GroupSummary(Guid Id, string Slug, string Name, string Summary, GroupVisibility Visibility);
