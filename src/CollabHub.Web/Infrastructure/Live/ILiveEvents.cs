namespace CollabHub.Web.Infrastructure.Live;

/// <summary>
/// Live notifications between parts of the app: a feature service publishes once, after its change committed, to a
/// topic (see <see cref="LiveTopics"/>); every subscriber of that topic is told. The in-process implementation serves
/// one instance; a scale-out implementation (Redis pub/sub) can replace it without callers changing, which is why
/// messages are plain serialisable records and publishing is asynchronous.
/// </summary>
/// <remarks>
/// Delivery is at most once and only to subscribers that exist when the message is published: a message says
/// "something changed", and the subscriber reads the current state from the database. Nothing depends on every
/// message arriving, so a subscriber that falls far behind loses the oldest ones rather than slowing the publisher.
/// </remarks>
public interface ILiveEvents
{
    /// <summary>Tells every current subscriber of <paramref name="topic"/>; never waits for a subscriber's handler.</summary>
    ValueTask PublishAsync(string topic, object message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="handler"/> for each message of type <typeparamref name="TMessage"/> published to
    /// <paramref name="topic"/> from now on, one at a time and in publishing order, until the result is disposed.
    /// A handler that throws is logged and keeps its subscription.
    /// </summary>
    IDisposable Subscribe<TMessage>(string topic, Func<TMessage, Task> handler)
        where TMessage : class;
}
