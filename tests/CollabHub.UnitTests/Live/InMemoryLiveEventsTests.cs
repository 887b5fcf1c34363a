using System.Collections.Concurrent;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace CollabHub.UnitTests.Live;

public sealed class InMemoryLiveEventsTests
{
    private static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(5);
    private readonly InMemoryLiveEvents live = new(NullLogger<InMemoryLiveEvents>.Instance);

    private sealed record Ping(int Number);

    private sealed record Other(string Text);

    [Fact]
    public async Task Publish_ReachesEverySubscriberOfTheTopic_InOrder_AndNoOtherTopic()
    {
        var first = new ConcurrentQueue<int>();
        var second = new ConcurrentQueue<int>();
        var elsewhere = new ConcurrentQueue<int>();
        using var a = live.Subscribe<Ping>("thread:1", p => Record(first, p.Number));
        using var b = live.Subscribe<Ping>("thread:1", p => Record(second, p.Number));
        using var c = live.Subscribe<Ping>("thread:2", p => Record(elsewhere, p.Number));

        for (var i = 1; i <= 50; i++)
        {
            await live.PublishAsync("thread:1", new Ping(i), TestContext.Current.CancellationToken);
        }

        await WaitUntil(() => first.Count == 50 && second.Count == 50);
        Assert.Equal(Enumerable.Range(1, 50), first);
        Assert.Equal(Enumerable.Range(1, 50), second);
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task Subscribe_OnlyMessagesOfItsType()
    {
        var seen = new ConcurrentQueue<int>();
        using var _ = live.Subscribe<Ping>("group:1", p => Record(seen, p.Number));

        await live.PublishAsync("group:1", new Other("ignored"), TestContext.Current.CancellationToken);
        await live.PublishAsync("group:1", new Ping(7), TestContext.Current.CancellationToken);

        await WaitUntil(() => !seen.IsEmpty);
        Assert.Equal([7], seen);
    }

    [Fact]
    public async Task Dispose_StopsDelivery_AndForgetsTheTopic()
    {
        var seen = new ConcurrentQueue<int>();
        var subscription = live.Subscribe<Ping>("user:u1", p => Record(seen, p.Number));
        Assert.Equal(1, live.SubscriberCount("user:u1"));

        subscription.Dispose();
        await live.PublishAsync("user:u1", new Ping(1), TestContext.Current.CancellationToken);

        Assert.Equal(0, live.SubscriberCount("user:u1"));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task Publish_SlowSubscriber_NeitherBlocksThePublisherNorDelaysOthers_AndKeepsItsNewest()
    {
        const int Published = InMemoryLiveEvents.QueueCapacity * 4;
        using var gate = new SemaphoreSlim(0);
        var slowSeen = new ConcurrentQueue<int>();
        var fastSeen = new ConcurrentQueue<int>();
        using var slow = live.Subscribe<Ping>("thread:slow", async p =>
        {
            await gate.WaitAsync();
            slowSeen.Enqueue(p.Number);
        });
        using var quick = live.Subscribe<Ping>("thread:slow", p => Record(fastSeen, p.Number));

        var publishing = Task.Run(async () =>
        {
            for (var i = 1; i <= Published; i++)
            {
                await live.PublishAsync("thread:slow", new Ping(i));
            }
        }, TestContext.Current.CancellationToken);

        await publishing.WaitAsync(TimeBox, TestContext.Current.CancellationToken);
        await WaitUntil(() => fastSeen.Contains(Published));
        gate.Release(Published);
        await WaitUntil(() => slowSeen.Contains(Published));
        // The blocked subscriber kept a bounded backlog: the oldest messages were dropped, the newest delivered.
        Assert.True(slowSeen.Count <= InMemoryLiveEvents.QueueCapacity + 1, $"{slowSeen.Count} delivered");
    }

    [Fact]
    public async Task Publish_FailingHandler_KeepsItsSubscriptionAndSparesOthers()
    {
        var survived = new ConcurrentQueue<int>();
        var failing = new ConcurrentQueue<int>();
        using var bad = live.Subscribe<Ping>("thread:f", p =>
        {
            failing.Enqueue(p.Number);
            throw new InvalidOperationException("circuit gone");
        });
        using var good = live.Subscribe<Ping>("thread:f", p => Record(survived, p.Number));

        await live.PublishAsync("thread:f", new Ping(1), TestContext.Current.CancellationToken);
        await live.PublishAsync("thread:f", new Ping(2), TestContext.Current.CancellationToken);

        await WaitUntil(() => survived.Count == 2 && failing.Count == 2);
    }

    [Fact]
    public async Task Subscribe_ManyConcurrently_AllReceive()
    {
        var counts = new ConcurrentDictionary<int, int>();
        var subscriptions = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() =>
            live.Subscribe<Ping>("group:busy", _ =>
            {
                counts.AddOrUpdate(i, 1, (_, n) => n + 1);
                return Task.CompletedTask;
            }))));

        await live.PublishAsync("group:busy", new Ping(1), TestContext.Current.CancellationToken);

        await WaitUntil(() => counts.Count == 100);
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        Assert.Equal(0, live.SubscriberCount("group:busy"));
    }

    [Fact]
    public void Topics_AreSpelledOneWay()
    {
        var id = Guid.Parse("0194f5a8-0000-7000-8000-000000000001");

        Assert.Equal("thread:0194f5a8-0000-7000-8000-000000000001", LiveTopics.Thread(id));
        Assert.Equal("group:0194f5a8-0000-7000-8000-000000000001", LiveTopics.Group(id));
        Assert.Equal("user:abc", LiveTopics.User("abc"));
    }

    private static Task Record(ConcurrentQueue<int> into, int number)
    {
        into.Enqueue(number);
        return Task.CompletedTask;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeBox;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for live delivery.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
