namespace CollabHub.Web.Features.Groups;

/// <summary>The create and settings forms' fields as typed; <see cref="GroupDetailsValidator"/> decides what is stored.</summary>
public sealed class GroupForm
{
    public string? Name { get; set; }

    /// <summary>The address, chosen when the group is created; empty means "make one from the name".</summary>
    public string? Slug { get; set; }

    public string? Summary { get; set; }

    /// <summary>Markdown.</summary>
    public string? Description { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Topics { get; set; }

    public GroupVisibility Visibility { get; set; } = GroupVisibility.Public;

    public GroupJoinPolicy JoinPolicy { get; set; } = GroupJoinPolicy.Open;

    /// <summary>Settings only: take the current cover away.</summary>
    public bool RemoveCover { get; set; }
}
