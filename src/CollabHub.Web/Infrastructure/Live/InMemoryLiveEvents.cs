using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace CollabHub.Web.Infrastructure.Live;

/// <summary>
/// <see cref="ILiveEvents"/> inside one process. Each subscription owns a bounded queue, drained by one task at a time
/// that calls its handler, so publishing only enqueues (it never waits for, or fails because of, a subscriber), a slow
/// subscriber delays nobody else, and each handler sees its messages one at a time in order.
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

    /// <remarks>
    /// Idle until a message arrives: no queue, task or pending read while nothing is waiting. Most subscriptions are
    /// idle most of the time (an open chat tab holds about nine), and a pump parked on a channel read held about a
    /// kilobyte each (channel, reader operations, state machine) — measured with dotnet-gcdump in the circuits benchmark.
    /// A message starts one drain on the thread pool; the drain delivers in order, one at a time, and ends when the
    /// queue is empty, so a handler never runs twice at once.
    /// </remarks>
    private sealed class Subscription(InMemoryLiveEvents owner, string topic, Func<object, Task> handler) : IDisposable
    {
        private readonly Lock gate = new();
        private Queue<object>? queue;
        private bool draining;
        private bool disposed;

        public string Topic => topic;

        public void Offer(object message)
        {
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                queue ??= new Queue<object>();
                if (queue.Count == QueueCapacity)
                {
                    queue.Dequeue();
                }

                queue.Enqueue(message);
                if (draining)
                {
                    return;
                }

                draining = true;
            }

            // Not Task.Run: the publisher's execution context (its request's scope and activity) is not the handler's.
            ThreadPool.UnsafeQueueUserWorkItem(static subscription => _ = subscription.DrainAsync(), this, preferLocal: false);
        }

        public void Dispose()
        {
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                disposed = true;
                queue = null;
            }

            owner.Remove(this);
        }

        private async Task DrainAsync()
        {
            while (Next() is { } message)
            {
                try
                {
                    await handler(message);
                }
                catch (Exception exception)
                {
                    // One subscriber's failure (a circuit that went away mid-render) must not end its drain or reach the publisher.
                    owner.LogHandlerFailed(exception, topic, message.GetType().Name);
                }
            }
        }

        /// <summary>The next message to deliver, or null (and the drain ends) when there is none or the subscription ended.</summary>
        private object? Next()
        {
            lock (gate)
            {
                if (!disposed && queue is { Count: > 0 })
                {
                    return queue.Dequeue();
                }

                // Drained: the queue goes too (a burst may have grown it to QueueCapacity), the next message makes a small one.
                queue = null;
                draining = false;
                return null;
            }
        }
    }
}
