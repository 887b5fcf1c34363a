using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// One change to one event: a short-lived context and transaction with the event's row locked
/// (<c>SELECT ... FOR UPDATE</c>) until commit. Every seat decision for the event queues on that lock, so counts,
/// tickets and promotions are decided one at a time, and the viewer's access is decided inside the same transaction.
/// </summary>
internal sealed class EventTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;

    // False for a viewer's share of a batch (see ForViewerAsync): the batch's own instance commits and disposes.
    private readonly bool ownsTransaction;

    // What a batch's viewers share: the registrations PrefetchAsync loaded, and whether decisions wait to be saved.
    private readonly EventBatchState shared;

    private EventTransaction(
        AppDbContext db, IDbContextTransaction transaction, EventAccess access, bool ownsTransaction = true, EventBatchState? shared = null)
    {
        Db = db;
        this.transaction = transaction;
        Access = access;
        this.ownsTransaction = ownsTransaction;
        this.shared = shared ?? new EventBatchState();
    }

    public AppDbContext Db { get; }

    public EventAccess Access { get; }

    public Event Event => Access.Event;

    public static async Task<EventTransaction?> BeginAsync(
        IDbContextFactory<AppDbContext> contexts, string slug, EventViewer viewer, CancellationToken cancellationToken)
    {
        var locked = await LockAsync(contexts, slug, cancellationToken);
        if (locked is null)
        {
            return null;
        }

        var access = await EventAccessLoader.LoadAsync(locked.Db, locked.Event, viewer, cancellationToken);
        if (!access.CanSee)
        {
            await locked.DisposeAsync();
            return null;
        }

        return new EventTransaction(locked.Db, locked.transaction, access);
    }

    /// <summary>
    /// The event's row locked in a new transaction, with nobody's access decided yet (an anonymous viewer's, which
    /// <see cref="ForViewerAsync"/> replaces per person); null when there is no such event.
    /// </summary>
    public static async Task<EventTransaction?> LockAsync(IDbContextFactory<AppDbContext> contexts, string slug, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        IDbContextTransaction? transaction = null;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ev = await db.Events.FromSql($"SELECT * FROM events WHERE slug = {slug} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
            if (ev is null)
            {
                await transaction.DisposeAsync();
                await db.DisposeAsync();
                return null;
            }

            return new EventTransaction(db, transaction, new EventAccess(ev, EventViewer.Anonymous, null));
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// This transaction as <paramref name="viewer"/> sees it (access decided by the group's rules, inside the same
    /// transaction), or null when they may not see the event. It shares the lock; this instance still commits.
    /// </summary>
    public async Task<EventTransaction?> ForViewerAsync(EventViewer viewer, CancellationToken cancellationToken)
    {
        var access = shared.Standings?.For(viewer.Group) is { } group
            ? new EventAccess(Event, viewer, group)
            : await EventAccessLoader.LoadAsync(Db, Event, viewer, cancellationToken);
        return access.CanSee ? new EventTransaction(Db, transaction, access, ownsTransaction: false, shared) : null;
    }

    /// <summary>
    /// Loads, in two statements, the accounts and registrations for this event of everyone in a batch, and for an event
    /// in a group, in three more, the group and their standing in it; deciding each of them then reads the context
    /// instead of making round trips under the lock.
    /// </summary>
    public async Task PrefetchAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (Event.GroupId is { } groupId)
        {
            shared.Standings = await GroupAccessService.LoadStandingsAsync(Db, groupId, userIds, cancellationToken);
        }

        await Db.Users.Where(u => userIds.Contains(u.Id)).LoadAsync(cancellationToken);
        var found = await Db.EventRegistrations.Where(r => r.EventId == Event.Id && userIds.Contains(r.UserId)).ToDictionaryAsync(r => r.UserId, StringComparer.Ordinal, cancellationToken);
        foreach (var userId in userIds)
        {
            shared.Known[userId] = found.GetValueOrDefault(userId);
        }
    }

    /// <summary>A new registration for this event, staged in the context.</summary>
    public void AddRegistration(EventRegistration registration)
    {
        Db.EventRegistrations.Add(registration);
        shared.Known[registration.UserId] = registration;
    }

    /// <summary>
    /// Notes that a batch's decision changed the context without saving: the next query that reads registrations saves
    /// first (see <see cref="SaveDecidedAsync"/>), and the commit saves the rest.
    /// </summary>
    /// <remarks>
    /// Saving after each person cost a round trip under the lock and a change scan over everything the batch had
    /// tracked so far (the scan grows with the batch, so a batch of 200 scanned its entities about 20,000 times).
    /// Registering reads only the tracked event and <see cref="EventBatchState.Known"/>, so a rush of registrations is
    /// saved in one go at commit.
    /// </remarks>
    public void DeferSave() => shared.Unsaved = true;

    /// <summary>Saves the decisions deferred so far, so that a query sees them (the waitlist a cancellation promotes from).</summary>
    public async Task SaveDecidedAsync(CancellationToken cancellationToken)
    {
        if (shared.Unsaved)
        {
            await Db.SaveChangesAsync(cancellationToken);
            shared.Unsaved = false;
        }
    }

    /// <summary>Saves what is staged and commits: for a batch, after every person's change has been saved in turn.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="change"/> and commits, or reports why not: a rule's refusal or a failed save rolls
    /// everything back and becomes one sentence. Open pages of the event hear about it after commit.
    /// </summary>
    public static async Task<EventOutcome> RunAsync(
        IDbContextFactory<AppDbContext> contexts,
        string slug,
        EventViewer viewer,
        ILiveEvents live,
        ILogger logger,
        Func<EventTransaction, Task<string>> change,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var tx = await BeginAsync(contexts, slug, viewer, cancellationToken);
            if (tx is null)
            {
                return EventOutcome.NotFound;
            }

            var message = await change(tx);
            await tx.CommitAsync(cancellationToken);
            await live.PublishAsync(LiveTopics.Event(tx.Event.Id), new EventChangedMessage(tx.Event.Id), cancellationToken);
            return EventOutcome.Done(message);
        }
        catch (EventRuleException refused)
        {
            return EventOutcome.Refused(refused.Message);
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "A change to event {Slug} failed", slug);
            return EventOutcome.Refused("The change could not be saved, so nothing was changed. Please try again.");
        }
    }

    /// <summary>The waitlist in arrival order, read under the event's lock.</summary>
    public async Task<List<EventRegistration>> WaitlistAsync(int? take, CancellationToken cancellationToken)
    {
        await SaveDecidedAsync(cancellationToken);
        var query = Db.EventRegistrations
            .Where(r => r.EventId == Event.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.Ticket);
        return await (take is { } n ? query.Take(n) : query).ToListAsync(cancellationToken);
    }

    public async Task<EventRegistration?> FindRegistrationAsync(string userId, CancellationToken cancellationToken)
    {
        if (shared.Known.TryGetValue(userId, out var registration))
        {
            return registration;
        }

        await SaveDecidedAsync(cancellationToken);
        return await Db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == Event.Id && r.UserId == userId, cancellationToken);
    }

    /// <summary>Where a waitlisted registration stands, counting the batch's decisions before it: 1 for the next to get a seat.</summary>
    public async Task<int> PositionAsync(EventRegistration registration, CancellationToken cancellationToken)
    {
        await SaveDecidedAsync(cancellationToken);
        return await EventRegistrationService.PositionAsync(Db, registration, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!ownsTransaction)
        {
            return;
        }

        // Rolls back when RunAsync did not commit.
        await transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
