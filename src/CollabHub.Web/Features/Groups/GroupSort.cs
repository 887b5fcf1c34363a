namespace CollabHub.Web.Features.Groups;

/// <summary>The directory's orders.</summary>
public enum GroupSort
{
    /// <summary>Most recently active first.</summary>
    Activity,

    /// <summary>Most members first.</summary>
    Size,

    /// <summary>Alphabetical.</summary>
    Name,
}
