using System.Threading.Channels;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// Wakes this instance's dispatcher when mail was committed, so it does not wait for the next poll. Signals coalesce:
/// a hundred commits during one round wake it once more, which is all it needs to look again.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => channel.Writer.TryWrite(true);

    /// <summary>Returns when signalled or after <paramref name="timeout"/>; throws only when <paramref name="stopping"/> fires.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken stopping)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, stopping);
        try
        {
            await channel.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // The poll interval passed with no signal: time to look anyway.
        }
    }
}
