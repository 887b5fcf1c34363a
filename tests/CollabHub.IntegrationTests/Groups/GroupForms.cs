using System.Net.Http.Headers;
using AngleSharp.Dom;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>
/// Group pages' buttons are plain forms posting to group endpoints (not Blazor handlers), so they are found by where
/// they post. Like a browser: every field the form holds goes with it, the antiforgery token included.
/// </summary>
internal static class GroupForms
{
    /// <summary>
    /// Submits the form on <paramref name="page"/> that posts to <paramref name="action"/> (app-relative); with
    /// <paramref name="postTo"/>, sends its fields somewhere else, as a crafted request would.
    /// </summary>
    public static async Task<HtmlPage> PostActionAsync(
        this TestBrowser browser, HtmlPage page, string action, IDictionary<string, string>? values = null, string? postTo = null)
    {
        var document = StreamedHtml.Parse(page.Html);
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to '{action}' on {page.Url}:\n{page.Html}");
        var fields = Fields(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        // Relative to the document's <base href="/">, as a browser resolves it.
        return await SendAsync(browser, new Uri(new Uri(page.Url, "/"), postTo ?? action), content);
    }

    /// <summary>The one-line outcome the page shows after an action (its status alert), decoded; empty when there is none.</summary>
    public static string StatusMessage(this HtmlPage page) =>
        StreamedHtml.Parse(page.Html).QuerySelector("main .alert")?.TextContent.Trim() ?? "";

    /// <summary>The text a reader sees in the page's main area, decoded, with streamed updates applied.</summary>
    public static string MainText(this HtmlPage page) =>
        StreamedHtml.Parse(page.Html).QuerySelector("main")?.TextContent ?? "";

    /// <summary>Whether <paramref name="page"/> offers a form posting to <paramref name="action"/>.</summary>
    public static bool HasAction(this HtmlPage page, string action) =>
        StreamedHtml.Parse(page.Html).QuerySelectorAll("form").Any(f => f.GetAttribute("action") == action);

    /// <summary>Submits a Blazor form (by name) as multipart/form-data with an optional file, as the create and settings pages take it.</summary>
    public static async Task<HtmlPage> SubmitMultipartAsync(
        this TestBrowser browser, HtmlPage page, string formName, IDictionary<string, string> values, FormFile? file = null)
    {
        var form = page.Form(formName);
        var fields = new Dictionary<string, string>(form.Fields);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.FieldName, file.FileName);
        }

        return await SendAsync(browser, form.Action, content);
    }

    private static Dictionary<string, string> Fields(IElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var type = input.GetAttribute("type")?.ToLowerInvariant();
            if (type is "submit" or "button" or "file" || (type is "checkbox" or "radio" && !input.HasAttribute("checked")))
            {
                continue;
            }

            fields[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        }

        foreach (var textarea in form.QuerySelectorAll("textarea[name]"))
        {
            fields[textarea.GetAttribute("name")!] = textarea.TextContent;
        }

        foreach (var select in form.QuerySelectorAll("select[name]"))
        {
            var chosen = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
            fields[select.GetAttribute("name")!] = chosen?.GetAttribute("value") ?? "";
        }

        return fields;
    }

    private static async Task<HtmlPage> SendAsync(TestBrowser browser, Uri target, HttpContent content)
    {
        using var response = await browser.Client.PostAsync(target, content, TestContext.Current.CancellationToken);
        return new HtmlPage(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
