using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CollabHub.Web.Infrastructure.Web;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// The one house design for every mail. The HTML part is a single-column table with inline styles (what mail clients
/// reliably render), at most 600 px wide and fluid below that, so it reads on a phone. Every piece of text passes
/// through <see cref="WebUtility.HtmlEncode(string?)"/>: display names and group titles are user-supplied. The plain-text part
/// says the same words, with the action's link on a line of its own.
/// </summary>
public sealed class EmailRenderer(PublicUrls urls)
{
    private const string Font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;";
    private const string Ink = "#1b2733";
    private const string Muted = "#4f5d6b";
    private const string Blue = "#00689d";
    private const string BlueDark = "#004a73";
    private const string BlueBright = "#009edb";
    private const string Border = "#d5dde5";
    private const string Page = "#f4f7fa";
    private const string UnsubscribeLabel = "Unsubscribe from these e-mails";

    /// <summary>
    /// The hub's own addresses in encoded text: its origin (not the start of a longer host name or another port), then
    /// anything up to white space, a tag or a quotation mark, less a closing full stop or comma.
    /// </summary>
    private readonly Regex ownAddress = new(
        Regex.Escape(Encode(urls.BaseUri.GetLeftPart(UriPartial.Authority))) + @"(?![.\w-]*\w|:\d)(?:/[^\s<""“”]*)?(?<![.,;:!?)])",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public RenderedEmail Render(EmailContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var subject = SingleLine(content.Subject);
        if (subject.Length == 0)
        {
            throw new ArgumentException("A mail needs a subject.", nameof(content));
        }

        if (subject.Length > OutboxEmail.SubjectMaxLength)
        {
            subject = subject[..(OutboxEmail.SubjectMaxLength - 1)] + "…";
        }

        if (content.UnsubscribeUrl is { } unsubscribeUrl && !IsAbsoluteWebLink(unsubscribeUrl))
        {
            throw new ArgumentException($"A mail's unsubscribe link must be an absolute http(s) URL; it is '{unsubscribeUrl}'.", nameof(content));
        }

        if (content.Action is { } action && !IsAbsoluteWebLink(action.Url))
        {
            throw new ArgumentException($"A mail's action link must be an absolute http(s) URL (see PublicUrls); it is '{action.Url}'.", nameof(content));
        }

        if (content.Links?.FirstOrDefault(link => !IsAbsoluteWebLink(link.Url)) is { } relative)
        {
            throw new ArgumentException($"A mail's links must be absolute http(s) URLs (see PublicUrls); one is '{relative.Url}'.", nameof(content));
        }

        return new RenderedEmail(subject, Html(subject, content), Text(content));
    }

    /// <summary>Why the reader got the mail: every mail says it, so none looks like spam.</summary>
    public string FooterText =>
        $"You received this e-mail because this address is registered on CollabHub ({Host}), where colleagues across the UN system meet around shared causes.";

    private string Host => urls.BaseUri.Authority;

    private string Html(string subject, EmailContent content)
    {
        var html = new StringBuilder(4096);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en" dir="ltr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light">
            <title>{Encode(subject)}</title>
            </head>
            <body style="margin:0;padding:0;background:{Page};">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:{Page};">
            <tr><td align="center" style="padding:24px 12px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid {Border};border-radius:8px;">
            <tr><td style="{Font}background:{BlueDark};border-bottom:4px solid {BlueBright};border-radius:8px 8px 0 0;padding:16px 24px;color:#ffffff;font-size:20px;font-weight:700;">CollabHub</td></tr>
            <tr><td style="{Font}padding:24px;font-size:16px;line-height:1.55;color:{Ink};">
            <h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:{Ink};">{Encode(content.Heading)}</h1>

            """);
        foreach (var paragraph in content.Paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 16px;\">{EncodeMultiline(paragraph)}</p>\n");
        }

        if (content.Links is { Count: > 0 } links)
        {
            html.Append(CultureInfo.InvariantCulture, $"<ul style=\"margin:0 0 16px;padding:0 0 0 20px;\">\n");
            foreach (var link in links)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li style=\"margin:0 0 8px;\"><a href=\"{Encode(link.Url.AbsoluteUri)}\" style=\"color:{Blue};\">{Encode(SingleLine(link.Label))}</a></li>\n");
            }

            html.Append("</ul>\n");
        }

        if (content.Action is { } action)
        {
            var href = Encode(action.Url.AbsoluteUri);
            // A "bulletproof" button: the padded link itself is the button, so it works where CSS buttons do not.
            html.Append(CultureInfo.InvariantCulture, $"""
                <table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;">
                <tr><td style="border-radius:6px;background:{Blue};">
                <a href="{href}" style="{Font}display:inline-block;padding:12px 24px;border:1px solid {Blue};border-radius:6px;color:#ffffff;font-size:16px;font-weight:600;line-height:1.3;text-decoration:none;">{Encode(action.Label)}</a>
                </td></tr>
                </table>
                <p style="margin:0 0 16px;font-size:14px;color:{Muted};">If the button does not work, copy this link into your browser:<br>
                <a href="{href}" style="color:{Blue};word-break:break-all;">{href}</a></p>

                """);
        }

        if (!string.IsNullOrWhiteSpace(content.Footnote))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:16px 0 0;font-size:14px;color:{Muted};\">{EncodeMultiline(content.Footnote)}</p>\n");
        }

        if (content.UnsubscribeUrl is { } unsubscribe)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:16px 0 0;font-size:14px;color:{Muted};\"><a href=\"{Encode(unsubscribe.AbsoluteUri)}\" style=\"color:{Blue};\">{UnsubscribeLabel}</a></p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </td></tr>
            <tr><td style="{Font}padding:16px 24px;border-top:1px solid {Border};font-size:13px;line-height:1.5;color:{Muted};">{Encode(FooterText)} <a href="{Encode(urls.BaseUri.AbsoluteUri)}" style="color:{Blue};">{Encode(Host)}</a></td></tr>
            </table>
            </td></tr>
            </table>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private string Text(EmailContent content)
    {
        var text = new StringBuilder(1024);
        text.Append(SingleLine(content.Heading)).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(Normalize(paragraph)).Append("\n\n");
        }

        foreach (var link in content.Links ?? [])
        {
            text.Append("• ").Append(SingleLine(link.Label)).Append('\n').Append(link.Url.AbsoluteUri).Append("\n\n");
        }

        if (content.Action is { } action)
        {
            text.Append(SingleLine(action.Label)).Append(":\n").Append(action.Url.AbsoluteUri).Append("\n\n");
        }

        if (!string.IsNullOrWhiteSpace(content.Footnote))
        {
            text.Append(Normalize(content.Footnote)).Append("\n\n");
        }

        if (content.UnsubscribeUrl is { } unsubscribe)
        {
            text.Append(UnsubscribeLabel).Append(":\n").Append(unsubscribe.AbsoluteUri).Append("\n\n");
        }

        // "-- " is the conventional signature separator; clients grey out what follows.
        text.Append("-- \n").Append(FooterText).Append('\n').Append(urls.BaseUri.AbsoluteUri).Append('\n');
        return text.ToString();
    }

    internal static bool IsAbsoluteWebLink(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Plain text as HTML, its line breaks kept, and the hub's own addresses in it made links (a settings page named in
    /// a footnote). Other addresses stay text: paragraphs carry words members wrote, and the hub links only to itself.
    /// </summary>
    private string EncodeMultiline(string text) =>
        ownAddress.Replace(Encode(Normalize(text)).Replace("\n", "<br>\n", StringComparison.Ordinal),
            m => $"<a href=\"{m.Value}\" style=\"color:{Blue};word-break:break-all;\">{m.Value}</a>");

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string SingleLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
