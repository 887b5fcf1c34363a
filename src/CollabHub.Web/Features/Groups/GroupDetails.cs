namespace CollabHub.Web.Features.Groups;

/// <summary>A group's validated, tidied description: what <see cref="Group.Describe"/> stores.</summary>
public sealed record GroupDetails(string Name, string Summary, string Description, IReadOnlyList<string> Topics);
