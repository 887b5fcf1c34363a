using CollabHub.Web.Features.Library;
using Microsoft.Extensions.Options;

namespace CollabHub.UnitTests.Library;

public sealed class LibrarySearchGateTests
{
    [Fact]
    public async Task RunAsync_MoreSearchesThanSlots_RunsAtMostThatManyAtOnce_AndAnswersEveryOne()
    {
        using var gate = new LibrarySearchGate(Options.Create(new LibraryOptions { SearchConcurrency = 2 }));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bothSlotsTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int running = 0, most = 0;

        var searches = Enumerable.Range(0, 6).Select(i => gate.RunAsync(async () =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            if (now == 2)
            {
                bothSlotsTaken.TrySetResult();
            }

            await release.Task;
            Interlocked.Decrement(ref running);
            return i;
        }, TestContext.Current.CancellationToken)).ToList();

        // Every search was asked for while the first two held their slots: an open gate would have run all six by now.
        await bothSlotsTaken.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, Volatile.Read(ref running));
        release.SetResult();

        Assert.Equal(Enumerable.Range(0, 6), await Task.WhenAll(searches));
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task RunAsync_ASearchThatFails_GivesItsSlotBack()
    {
        using var gate = new LibrarySearchGate(Options.Create(new LibraryOptions { SearchConcurrency = 1 }));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            gate.RunAsync<int>(() => throw new InvalidOperationException("The database went away."), TestContext.Current.CancellationToken));

        Assert.Equal(7, await gate.RunAsync(() => Task.FromResult(7), TestContext.Current.CancellationToken));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
