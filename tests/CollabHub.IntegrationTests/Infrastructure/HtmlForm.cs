namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>A form found on a page: where it posts and the values it carries (hidden antiforgery token included).</summary>
/// <param name="Action">The address the form posts to.</param>
/// <param name="Fields">One value per field name (the last, where a name repeats).</param>
public sealed record HtmlForm(Uri Action, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Every value the form would send as it stands, in page order, repeated names included (checked boxes of a group).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; init; } = [.. Fields];

    /// <summary>Whether the form posts multipart/form-data (it has <c>enctype="multipart/form-data"</c>).</summary>
    public bool IsMultipart { get; init; }

    /// <summary>
    /// The values to post when a person fills in <paramref name="changes"/>: a name given there replaces every value the
    /// form had under that name; every other field goes as the page filled it in.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> FilledIn(IEnumerable<KeyValuePair<string, string>>? changes)
    {
        var given = (changes ?? []).ToList();
        var changed = given.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return [.. Values.Where(v => !changed.Contains(v.Key)), .. given];
    }
}
