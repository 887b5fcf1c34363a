namespace CollabHub.Web.Features.Appeals;

/// <summary>One line of the appeals list.</summary>
public sealed record AppealSummary(string Slug, string Title, string IssuedBy, AppealStatus Status, DateOnly StartsOn, DateOnly? EndsOn, string? GroupName, AppealCounts Counts);
