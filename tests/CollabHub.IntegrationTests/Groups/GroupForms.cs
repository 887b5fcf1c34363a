using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>
/// Group pages' buttons are plain forms posting to group endpoints (not Blazor handlers), so they are found by where
/// they post; and what a member reads after acting.
/// </summary>
internal static class GroupForms
{
    /// <summary>
    /// Submits the form on <paramref name="page"/> that posts to <paramref name="action"/> (app-relative); with
    /// <paramref name="postTo"/>, sends its fields (antiforgery token included) somewhere else, as a crafted request would.
    /// </summary>
    public static Task<HtmlPage> PostActionAsync(
        this TestBrowser browser, HtmlPage page, string action, IDictionary<string, string>? values = null, string? postTo = null)
    {
        var form = page.FormPostingTo(action);
        return browser.SubmitAsync(postTo is null ? form : form with { Action = new Uri(form.Action, "/" + postTo) }, values);
    }

    /// <summary>The one-line outcome the page shows after an action (its status alert), decoded; empty when there is none.</summary>
    public static string StatusMessage(this HtmlPage page) => page.QuerySelector("main .alert")?.TextContent.Trim() ?? "";

    /// <summary>The text a reader sees in the page's main area, decoded, with streamed updates applied.</summary>
    public static string MainText(this HtmlPage page) => page.QuerySelector("main")?.TextContent ?? "";
}
