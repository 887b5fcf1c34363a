using CollabHub.Web.Infrastructure.Live;

namespace CollabHub.UnitTests.Live;

public sealed class NewestReadTests
{
    private readonly NewestRead reads = new();
    private readonly List<string> applied = [];

    [Fact]
    public async Task AnOlderReadFinishingLast_IsDropped_AndTheNewestStays()
    {
        var first = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var older = reads.RunAsync(() => first.Task, applied.Add);
        var newer = reads.RunAsync(() => second.Task, applied.Add);

        second.SetResult("after the reply");
        Assert.True(await newer);
        first.SetResult("before the reply");
        Assert.False(await older);

        Assert.Equal(["after the reply"], applied);
    }

    [Fact]
    public async Task ReadsFinishingInTheOrderStarted_AreEachApplied()
    {
        Assert.True(await reads.RunAsync(() => Task.FromResult("first"), applied.Add));
        Assert.True(await reads.RunAsync(() => Task.FromResult("second"), applied.Add));

        Assert.Equal(["first", "second"], applied);
    }

    [Fact]
    public async Task AFailedRead_AppliesNothing_AndTheCallerSeesWhy()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => reads.RunAsync<string>(() => throw new TimeoutException(), applied.Add));
        Assert.True(await reads.RunAsync(() => Task.FromResult("next"), applied.Add));

        Assert.Equal(["next"], applied);
    }
}
