namespace CollabHub.Web.Infrastructure;

/// <summary>Page numbers of a list shown a page at a time, counting from 1.</summary>
public static class Paging
{
    /// <summary>How many pages <paramref name="total"/> items take: at least one, which an empty list shows as empty.</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>
    /// The page asked for, kept within the list: before the first is the first, and past the last is the last. A link
    /// kept from a longer list (a bookmark, a shared link, a page reloaded after items went) shows the list's end, not
    /// an empty page under a count that says there are items.
    /// </summary>
    public static int Within(int page, int total, int pageSize) => Math.Clamp(page, 1, PageCount(total, pageSize));
}
