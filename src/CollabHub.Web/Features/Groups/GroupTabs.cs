namespace CollabHub.Web.Features.Groups;

/// <summary>Which tabs a viewer gets on a group's page, and where each one lives.</summary>
public static class GroupTabs
{
    public sealed record Tab(GroupTab Id, string Label, string Path);

    private static readonly Tab[] All =
    [
        new(GroupTab.About, "About", ""),
        new(GroupTab.Discussions, "Discussions", "/discussions"),
        new(GroupTab.Members, "Members", "/members"),
        new(GroupTab.Chat, "Chat", "/chat"),
        new(GroupTab.Library, "Library", "/library"),
        new(GroupTab.Events, "Events", "/events"),
        new(GroupTab.Settings, "Settings", "/settings"),
    ];

    /// <summary>
    /// About for everyone who may see the group; the content tabs only for those who may read it; Settings only for
    /// those who moderate it.
    /// </summary>
    public static IReadOnlyList<Tab> For(GroupAccess access) =>
        All.Where(tab => tab.Id switch
        {
            GroupTab.About => true,
            GroupTab.Settings => access.CanModerate,
            _ => access.CanRead,
        }).ToList();

    public static string Href(Group group, Tab tab) => $"groups/{group.Slug}{tab.Path}";
}
