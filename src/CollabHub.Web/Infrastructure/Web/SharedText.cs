namespace CollabHub.Web.Infrastructure.Web;

/// <summary>
/// One kept copy of each piece of text that many live components render alike, such as a member's row in a group's
/// "Who is here" list, which every open tab of that group's chat shows. A component keeps the strings of its last two
/// renders for as long as it lives (Blazor diffs the new render against the old), so each tab built and held copies of
/// its own: with the ten members of the circuits benchmark's group, 391 row strings in 20 tabs, 9 KB a tab
/// (dotnet-dump), and a tab of a group of 200 members would hold about 190 KB. A render still builds its text, then
/// hands over the kept copy; what no render has asked for in ten minutes, or the oldest beyond the size limit, goes.
/// </summary>
public sealed class SharedText : IDisposable
{
    /// <summary>Pieces of text kept at most; a row is about half a kilobyte, so a few megabytes in all.</summary>
    public const int Limit = 10_000;

    private readonly KeptCopies kept = new(Limit);

    /// <summary>The kept copy of <paramref name="text"/> (equal by value), keeping this one when there is none.</summary>
    public string Of(string text) => kept.Keep(text, static _ => true, () => text);

    public void Dispose() => kept.Dispose();
}
