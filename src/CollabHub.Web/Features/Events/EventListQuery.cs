namespace CollabHub.Web.Features.Events;

/// <summary>The listing's filters, all in the query string so a filtered list can be shared.</summary>
public sealed record EventListQuery(
    bool Past = false,
    string? Group = null,
    EventFormat? Format = null,
    string? Topic = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1)
{
    public const int PageSize = 30;

    /// <summary>The listing's address with these filters (and <paramref name="page"/>), leaving out what is unset.</summary>
    public string Url(int? page = null)
    {
        var parts = new List<string>();
        if (Past)
        {
            parts.Add("when=past");
        }

        Add(parts, "group", Group);
        Add(parts, "format", Format?.ToString());
        Add(parts, "topic", Topic);
        Add(parts, "from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if ((page ?? Page) > 1)
        {
            parts.Add($"page={page ?? Page}");
        }

        return parts.Count == 0 ? EventLinks.List : $"{EventLinks.List}?{string.Join('&', parts)}";
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
