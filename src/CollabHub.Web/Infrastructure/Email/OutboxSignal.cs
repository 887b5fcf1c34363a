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

    /// <summary>
    /// Returns true when signalled, false after <paramref name="timeout"/>; throws only when <paramref name="stopping"/>
    /// fires.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken stopping)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, stopping);
        try
        {
            await channel.Reader.ReadAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // The poll interval passed with no signal: time to look anyway.
            return false;
        }
    }

    /// <summary>
    /// Returns once no signal has come for <paramref name="quiet"/>, or after <paramref name="longest"/> at the latest:
    /// while commits keep coming (a rush of registrations), the mail waits for them, not the other way round.
    /// </summary>
    public async Task SettleAsync(TimeSpan quiet, TimeSpan longest, TimeProvider clock, CancellationToken stopping)
    {
        var until = clock.GetUtcNow() + longest;
        for (var left = longest; left > TimeSpan.Zero; left = until - clock.GetUtcNow())
        {
            if (!await WaitAsync(quiet < left ? quiet : left, clock, stopping))
            {
                return;
            }
        }
    }
}
