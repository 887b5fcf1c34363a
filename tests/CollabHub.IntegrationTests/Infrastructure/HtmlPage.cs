using System.Net;
using System.Text.RegularExpressions;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>A page as a browser ended up on it (after redirects): status, address and markup, with its forms.</summary>
public sealed partial record HtmlPage(HttpStatusCode Status, Uri Url, string Html)
{
    /// <summary>The Blazor form named <paramref name="formName"/> (its hidden <c>_handler</c> field).</summary>
    public HtmlForm Form(string formName)
    {
        foreach (Match form in FormPattern().Matches(Html))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
            {
                var name = Attribute(input.Value, "name");
                var type = Attribute(input.Value, "type")?.ToLowerInvariant();
                if (name is null || type is "submit" or "button" || (type is "checkbox" or "radio" && !input.Value.Contains("checked", StringComparison.Ordinal)))
                {
                    continue;
                }

                fields[name] = Attribute(input.Value, "value") ?? "";
            }

            if (fields.TryGetValue("_handler", out var handler) && handler == formName)
            {
                var action = Attribute(form.Groups["attributes"].Value, "action");
                return new HtmlForm(string.IsNullOrEmpty(action) ? Url : new Uri(Url, action), fields);
            }
        }

        throw new InvalidOperationException($"No form named '{formName}' on {Url}:\n{Html}");
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\s{name}\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)')""", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex(@"<form\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();
}
