namespace CollabHub.Web.Features.Appeals;

/// <summary>The appeal feature's addresses, site-relative without the leading slash (as NavLink and PublicUrls take them).</summary>
public static class AppealLinks
{
    public const string List = "appeals";

    public static string Page(string slug) => $"appeals/{slug}";

    public static string Action(string slug, string action) => $"appeals/{slug}/{action}";

    public static string Manage(string slug) => $"appeals/{slug}/manage";

    public static string Edit(string slug) => $"appeals/{slug}/edit";

    public static string Card(string slug) => $"appeals/{slug}/card.svg";

    public static string Export(string slug) => $"appeals/{slug}/endorsements.csv";

    public static string Confirm(string token) => $"appeals/confirm/{token}";

    public static string Withdraw(string token) => $"appeals/withdraw/{token}";

    /// <summary>Where the landing pages' buttons post (a page and a minimal endpoint can't share one address).</summary>
    public static string LinkAction(string token, string action) => $"appeals/links/{token}/{action}";
}
