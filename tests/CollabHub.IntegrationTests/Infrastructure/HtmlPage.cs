using System.Net;
using System.Runtime.CompilerServices;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// A page as a browser ended up on it: status, address and markup, with its forms, and its document as the browser
/// shows it once streaming rendering has finished.
/// </summary>
public sealed record HtmlPage(HttpStatusCode Status, Uri Url, string Html)
{
    // Keyed by the markup itself, not held in a field, so value equality and `with` stay about status, address and markup.
    private static readonly ConditionalWeakTable<string, IHtmlDocument> Documents = new();

    /// <summary>The Location header as the app sent it, when the browser did not follow a redirect; otherwise null.</summary>
    public Uri? RedirectLocation { get; init; }

    /// <summary>The finished page (streamed updates applied, see <see cref="StreamedHtml"/>), parsed once.</summary>
    public IHtmlDocument Document => Documents.GetValue(Html, StreamedHtml.Parse);

    public IElement? QuerySelector(string selectors) => Document.QuerySelector(selectors);

    public IHtmlCollection<IElement> QuerySelectorAll(string selectors) => Document.QuerySelectorAll(selectors);

    /// <summary>The Blazor form named <paramref name="formName"/> (its hidden <c>_handler</c> field), as the page filled it in.</summary>
    public HtmlForm Form(string formName)
    {
        foreach (var form in Document.Forms)
        {
            var values = ValuesOf(form);
            if (values.Any(v => v.Key == "_handler" && v.Value == formName))
            {
                return ToHtmlForm(form, values);
            }
        }

        throw new InvalidOperationException($"No form named '{formName}' on {Url}:\n{Html}");
    }

    /// <summary>
    /// A plain form found by where it posts (its <c>action</c> attribute as written, such as <c>groups/x/join</c>), for
    /// buttons that post to an endpoint rather than to a Blazor form handler.
    /// </summary>
    public HtmlForm FormPostingTo(string action)
    {
        var form = Document.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to '{action}' on {Url}:\n{Html}");
        return ToHtmlForm(form, ValuesOf(form));
    }

    /// <summary>Whether the page has a form posting to <paramref name="action"/> (see <see cref="FormPostingTo"/>).</summary>
    public bool HasFormPostingTo(string action) => Document.Forms.Any(f => f.GetAttribute("action") == action);

    private HtmlForm ToHtmlForm(IHtmlFormElement form, List<KeyValuePair<string, string>> values)
    {
        var action = form.GetAttribute("action");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return new HtmlForm(string.IsNullOrEmpty(action) ? Url : new Uri(BaseUrl, action), fields)
        {
            Values = values,
            IsMultipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>What relative addresses on the page resolve against: its <c>&lt;base href&gt;</c>, else its own address.</summary>
    private Uri BaseUrl => Document.QuerySelector("base[href]")?.GetAttribute("href") is { } href ? new Uri(Url, href) : Url;

    /// <summary>The form's values as a browser would submit them without a click on a particular button.</summary>
    private static List<KeyValuePair<string, string>> ValuesOf(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var control in form.Elements)
        {
            var name = control.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || control.HasAttribute("disabled"))
            {
                continue;
            }

            switch (control)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image" or "file":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }

                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    values.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]);
                    }

                    values.AddRange(selected.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        return values;
    }
}
