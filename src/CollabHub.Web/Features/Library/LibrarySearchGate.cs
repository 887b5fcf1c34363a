using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// How many library searches run in the database at once (<see cref="LibraryOptions.SearchConcurrency"/>); the others
/// wait their turn in the app, without holding a connection.
/// </summary>
/// <remarks>
/// Without it, a burst of searches took as many pooled connections as requests were waiting: at 50 searches a second
/// the benchmark's pool grew to 100 backends, each new one planning and caching afresh, all contending for the one core
/// PostgreSQL has there. Searching alone (`search --quick --pin`, 30,000 resources, quiet machine): without the gate
/// p50 3.3-6.1 s over four runs; with 4 at once p50 1.2-1.6 s, each search then running 25-40 ms (p50) inside the
/// gate; with 2 at once the searches ran faster (25 ms) but too few at a time (p50 2.4 s).
/// </remarks>
public sealed class LibrarySearchGate(IOptions<LibraryOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.SearchConcurrency, options.Value.SearchConcurrency);

    /// <summary>Runs <paramref name="search"/> once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await search();
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
