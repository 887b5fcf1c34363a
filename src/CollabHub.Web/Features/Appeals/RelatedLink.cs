namespace CollabHub.Web.Features.Appeals;

/// <summary>A related resource or event: a label and an http(s) address.</summary>
public sealed record RelatedLink(string Label, Uri Url)
{
    /// <summary>Lines of "Label | https://…" (or a bare address); lines without a valid http(s) address are left out.</summary>
    public static IReadOnlyList<RelatedLink> Parse(string? text)
    {
        var links = new List<RelatedLink>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bar = line.LastIndexOf('|');
            var label = bar < 0 ? "" : line[..bar].Trim();
            var address = bar < 0 ? line : line[(bar + 1)..].Trim();
            if (Uri.TryCreate(address, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                links.Add(new RelatedLink(label.Length == 0 ? url.Host : label, url));
            }
        }

        return links;
    }
}
