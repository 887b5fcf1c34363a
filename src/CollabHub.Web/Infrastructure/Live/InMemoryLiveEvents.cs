using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace CollabHub.Web.Infrastructure.Live;

/// <summary>
/// <see cref="ILiveEvents"/> inside one process. Each subscription owns a bounded queue and one pump that calls its
/// handler, so publishing only enqueues (it never waits for, or fails because of, a subscriber), a slow subscriber
/// delays nobody else, and each handler sees its messages one at a time in order.
/// </summary>
public sealed partial class InMemoryLiveEvents(ILogger<InMemoryLiveEvents> logger) : ILiveEvents
{
    /// <summary>
    /// How many undelivered messages one subscriber may have queued; beyond that the oldest is dropped. A Blazor
    /// circuit that stopped reading (a frozen tab) must not grow the server's memory without bound.
    /// </summary>
    public const int QueueCapacity = 256;

    // Copy-on-write arrays: publishing reads a snapshot without locking, subscribing and disposing swap the array.
    private readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> topics = new(StringComparer.Ordinal);

    /// <summary>Subscriptions currently registered for <paramref name="topic"/> (for tests and diagnostics).</summary>
    public int SubscriberCount(string topic) => topics.TryGetValue(topic, out var subscribers) ? subscribers.Length : 0;

    public ValueTask PublishAsync(string topic, object message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscription in subscribers)
            {
                subscription.Offer(message);
            }
        }

        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe<TMessage>(string topic, Func<TMessage, Task> handler)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, topic, message => message is TMessage typed ? handler(typed) : Task.CompletedTask);
        topics.AddOrUpdate(topic, _ => [subscription], (_, existing) => existing.Add(subscription));
        subscription.Start();
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        while (topics.TryGetValue(subscription.Topic, out var existing))
        {
            var remaining = existing.Remove(subscription);
            var swapped = remaining.IsEmpty
                ? topics.TryRemove(new KeyValuePair<string, ImmutableArray<Subscription>>(subscription.Topic, existing))
                : topics.TryUpdate(subscription.Topic, remaining, existing);
            if (swapped)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-event subscriber of {Topic} failed handling {MessageType}")]
    private partial void LogHandlerFailed(Exception exception, string topic, string messageType);

    private sealed class Subscription(InMemoryLiveEvents owner, string topic, Func<object, Task> handler) : IDisposable
    {
        private readonly Channel<object> queue = Channel.CreateBounded<object>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });

        private int disposed;

        public string Topic => topic;

        public void Offer(object message) => queue.Writer.TryWrite(message);

        public void Start() => _ = Task.Run(PumpAsync);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Remove(this);
                queue.Writer.TryComplete();
            }
        }

        private async Task PumpAsync()
        {
            await foreach (var message in queue.Reader.ReadAllAsync())
            {
                if (Volatile.Read(ref disposed) == 1)
                {
                    return;
                }

                try
                {
                    await handler(message);
                }
                catch (Exception exception)
                {
                    // One subscriber's failure (a circuit that went away mid-render) must not end its pump or reach the publisher.
                    owner.LogHandlerFailed(exception, topic, message.GetType().Name);
                }
            }
        }
    }
}
