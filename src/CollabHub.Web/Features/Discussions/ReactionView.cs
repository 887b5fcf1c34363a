namespace CollabHub.Web.Features.Discussions;

/// <summary>One kind of reaction on a post: how many, who (the first few by name) and whether the viewer is among them.</summary>
public sealed record ReactionView(Reactions.Kind Kind, int Count, IReadOnlyList<string> Names, bool Mine)
{
    /// <summary>Names listed before "and N others".</summary>
    public const int NamesShown = 12;

    public string WhoReacted => Count <= Names.Count
        ? string.Join(", ", Names)
        : $"{string.Join(", ", Names)} and {Count - Names.Count} others";
}
