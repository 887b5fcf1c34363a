using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>Helpers for showing a stored mail on a page.</summary>
public static partial class MailText
{
    /// <summary>Splits plain text into runs, marking the http(s) links so a page can make them clickable.</summary>
    public static IEnumerable<(string Text, bool IsLink)> Split(string text)
    {
        var position = 0;
        foreach (Match match in Link().Matches(text))
        {
            if (match.Index > position)
            {
                yield return (text[position..match.Index], false);
            }

            yield return (match.Value, true);
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            yield return (text[position..], false);
        }
    }

    /// <summary>Plain text as HTML (everything encoded) with its http(s) links made clickable.</summary>
    public static string ToHtml(string text)
    {
        var html = new StringBuilder(text.Length + 64);
        foreach (var (run, isLink) in Split(text))
        {
            var encoded = WebUtility.HtmlEncode(run);
            html.Append(isLink ? $"<a href=\"{encoded}\" rel=\"noopener noreferrer\">{encoded}</a>" : encoded);
        }

        return html.ToString();
    }

    /// <summary>
    /// The HTML part for a sandboxed preview: links open in a new tab rather than inside the frame (where the site's
    /// frame-ancestors policy would refuse to load them).
    /// </summary>
    public static string ForPreview(string html)
    {
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return head < 0 ? "<base target=\"_blank\">" + html : html.Insert(head + "<head>".Length, "<base target=\"_blank\">");
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
