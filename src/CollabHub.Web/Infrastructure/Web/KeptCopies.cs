using Microsoft.Extensions.Caching.Memory;

namespace CollabHub.Web.Infrastructure.Web;

/// <summary>
/// One kept copy of each thing that many circuits load or render alike, so that every tab refers to the same one
/// instead of holding its own (see <see cref="SharedText"/> and the chat's message cache). At most
/// <c>limit</c> things are kept; what nobody has asked for in ten minutes, or the oldest beyond the limit, goes.
/// </summary>
public sealed class KeptCopies(int limit) : IDisposable
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };
    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = limit });

    /// <summary>What is kept under <paramref name="key"/> while it still <paramref name="fits"/>; else a new one made and kept.</summary>
    public T Keep<T>(object key, Func<T, bool> fits, Func<T> make)
        where T : class
    {
        if (kept.TryGetValue(key, out T? copy) && copy is not null && fits(copy))
        {
            return copy;
        }

        var made = make();
        kept.Set(key, made, Entry);
        return made;
    }

    public void Dispose() => kept.Dispose();
}
