using CollabHub.Web.Infrastructure.Email;

namespace CollabHub.UnitTests.Email;

public sealed class OutboxSignalTests
{
    [Fact]
    public async Task SettleAsync_CommitsStillComing_ReturnsOnlyAfterTheyStop()
    {
        var signal = new OutboxSignal();
        var signalling = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                signal.Notify();
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken);

        await signal.SettleAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.True(signalling.IsCompleted, "The dispatcher went ahead while commits were still coming");
    }

    [Fact]
    public async Task SettleAsync_CommitsNeverStop_ReturnsAfterTheLongestWait()
    {
        var signal = new OutboxSignal();
        using var stop = new CancellationTokenSource();
        var signalling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                signal.Notify();
                await Task.Delay(20, CancellationToken.None);
            }
        }, TestContext.Current.CancellationToken);

        await signal.SettleAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.False(signalling.IsCompleted, "Settling outlasted the commits instead of giving up after the longest wait");
        await stop.CancelAsync();
        await signalling;
    }
}
