namespace CollabHub.Web.Infrastructure.Live;

/// <summary>
/// Lets a live view's reads overlap without an older one winning: a view that reads again on every live message can
/// start a read while another is still running (its first load, or a burst of messages), and the reads may finish in
/// any order. Only the result of the read started last is applied; an older one finishing after it is dropped, so the
/// view never goes back to what it showed before.
/// </summary>
/// <remarks>One instance per view. Safe to call from any thread, though a component calls it on its dispatcher.</remarks>
public sealed class NewestRead
{
    private long started;

    /// <summary>
    /// Runs <paramref name="read"/> and hands its result to <paramref name="apply"/> unless a later read was started
    /// meanwhile. Returns whether it was applied. A read that throws applies nothing and the exception reaches the caller.
    /// </summary>
    public async Task<bool> RunAsync<T>(Func<Task<T>> read, Action<T> apply)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(apply);
        var ticket = Interlocked.Increment(ref started);
        var result = await read();
        if (ticket != Interlocked.Read(ref started))
        {
            return false;
        }

        apply(result);
        return true;
    }
}
