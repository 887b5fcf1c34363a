using System.Diagnostics.Metrics;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// Seat decisions for one event, taken together: while one transaction holds the event's row lock, the requests that
/// arrive for that event wait here, and the next transaction decides all of them in arrival order and commits once.
/// </summary>
/// <remarks>
/// Every decision needs the lock until its commit is durable, so one at a time the pace is the disk's flush rate
/// (about 340 a second on the benchmark machine's disk, less with the work around each one): a thousand people
/// pressing "Register" in the same second waited 8 s in the benchmark. Deciding a batch under one lock and one flush
/// keeps every rule (seats, first come first served, one promotion per freed seat) and costs a lone request nothing:
/// it is a batch of one, decided at once. Each decision reads the ones before it from the context (the tracked event
/// and registrations), and whatever must query the database (a cancellation's waitlist) saves them first; a person
/// refused by a rule does not hold up the others; if the batch fails as a whole, each request is decided again on its
/// own.
/// </remarks>
public sealed class RegistrationDesk(IDbContextFactory<AppDbContext> contexts, ILiveEvents live, ILogger<RegistrationDesk> logger, IMeterFactory meters)
{
    public const string MeterName = "CollabHub.Events";
    public const string BatchSizeInstrument = "collabhub.events.decisions_per_commit";
    private const int MaxBatch = 200;

    // How many seat decisions each commit carried: near 1 when quiet, large in a rush (and a sign of fallbacks if a
    // rush shows only ones).
    private readonly Histogram<int> perCommit = meters.Create(MeterName).CreateHistogram<int>(BatchSizeInstrument, "{decision}", "Seat decisions committed together");
    private readonly Dictionary<string, Queue<Request>> waiting = new(StringComparer.Ordinal);

    /// <summary>Decides <paramref name="change"/> for <paramref name="viewer"/> on the event <paramref name="slug"/>, with whoever else is waiting.</summary>
    internal Task<EventOutcome> DecideAsync(string slug, EventViewer viewer, Func<EventTransaction, CancellationToken, Task<string>> change)
    {
        var request = new Request(viewer, change);
        bool first;
        lock (waiting)
        {
            first = !waiting.TryGetValue(slug, out var queue);
            if (first)
            {
                waiting[slug] = queue = new Queue<Request>();
            }

            queue!.Enqueue(request);
        }

        if (first)
        {
            // This request's caller drains the queue for everyone who joins it meanwhile. The decisions must not be
            // abandoned halfway because one caller went away, hence no cancellation token.
            _ = Task.Run(() => DrainAsync(slug));
        }

        return request.Outcome.Task;
    }

    private async Task DrainAsync(string slug)
    {
        while (true)
        {
            List<Request> batch = [];
            lock (waiting)
            {
                var queue = waiting[slug];
                while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    waiting.Remove(slug);
                    return;
                }
            }

            await DecideBatchAsync(slug, batch);
        }
    }

    private async Task DecideBatchAsync(string slug, List<Request> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                var outcomes = await TogetherAsync(slug, batch);
                perCommit.Record(batch.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Outcome.TrySetResult(outcomes[i]);
                }

                return;
            }
            catch (Exception ex)
            {
                // Whatever went wrong (a failed save, a lost connection), nobody's request may be left waiting: the
                // queue is drained only by this loop.
                logger.LogWarning(ex, "Deciding {Count} registrations for event {Slug} together failed; deciding each on its own", batch.Count, slug);
            }
        }

        foreach (var request in batch)
        {
            try
            {
                request.Outcome.TrySetResult(await EventTransaction.RunAsync(contexts, slug, request.Viewer, live, logger, tx => request.Change(tx, CancellationToken.None), CancellationToken.None));
                perCommit.Record(1);
            }
            catch (Exception ex)
            {
                request.Outcome.TrySetException(ex);
            }
        }
    }

    private async Task<EventOutcome[]> TogetherAsync(string slug, List<Request> batch)
    {
        var outcomes = new EventOutcome[batch.Count];
        await using var locked = await EventTransaction.LockAsync(contexts, slug, CancellationToken.None);
        if (locked is null)
        {
            Array.Fill(outcomes, EventOutcome.NotFound);
            return outcomes;
        }

        // A failed save aborts the whole transaction anyway (and the batch is then decided one by one), so the
        // savepoint EF would set around every save is a round trip for nothing.
        locked.Db.Database.AutoSavepointsEnabled = false;
        await locked.PrefetchAsync([.. batch.Select(r => r.Viewer.UserId).OfType<string>().Distinct(StringComparer.Ordinal)], CancellationToken.None);
        for (var i = 0; i < batch.Count; i++)
        {
            var tx = await locked.ForViewerAsync(batch[i].Viewer, CancellationToken.None);
            if (tx is null)
            {
                outcomes[i] = EventOutcome.NotFound;
                continue;
            }

            try
            {
                var message = await batch[i].Change(tx, CancellationToken.None);
                locked.DeferSave();
                outcomes[i] = EventOutcome.Done(message);
            }
            catch (EventRuleException refused)
            {
                // Rules refuse before they change anything, so the others' decisions stand.
                outcomes[i] = EventOutcome.Refused(refused.Message);
            }
        }

        await locked.CommitAsync(CancellationToken.None);
        await live.PublishAsync(LiveTopics.Event(locked.Event.Id), new EventChangedMessage(locked.Event.Id), CancellationToken.None);
        return outcomes;
    }

    private sealed record Request(EventViewer Viewer, Func<EventTransaction, CancellationToken, Task<string>> Change)
    {
        public TaskCompletionSource<EventOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
