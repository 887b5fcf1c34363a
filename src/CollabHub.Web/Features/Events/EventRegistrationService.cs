using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// Seats and the waitlist. Every change runs in one transaction under the event's row lock (see
/// <see cref="EventTransaction"/>), so concurrent registrations are decided one at a time: nobody is overbooked,
/// tickets follow arrival, and each freed seat goes to exactly one person, who is told in the same transaction.
/// </summary>
public sealed class EventRegistrationService(
    IDbContextFactory<AppDbContext> contexts, EventMails mails, ILiveEvents live, TimeProvider clock, ILogger<EventRegistrationService> logger, RegistrationDesk desk)
{
    /// <summary>
    /// Registers, or joins the waitlist. Decided at the <see cref="RegistrationDesk"/> with everyone else pressing the
    /// button for the same event at that moment; once decided, the decision stands even if the caller gives up.
    /// </summary>
    public Task<EventOutcome> RegisterAsync(EventViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        desk.DecideAsync(slug, viewer, async (tx, cancellationToken) =>
        {
            var userId = RequireParticipant(tx);
            var existing = await tx.FindRegistrationAsync(userId, cancellationToken);
            var (registration, change) = tx.Event.Register(existing, userId, clock.GetUtcNow());
            if (existing is null)
            {
                tx.AddRegistration(registration);
            }

            var user = await UserAsync(tx.Db, userId, cancellationToken);
            switch (change)
            {
                case RegistrationChange.Confirmed:
                    mails.Confirmed(tx.Db, user, tx.Event);
                    return "You're registered. A confirmation with a calendar invitation is on its way.";
                case RegistrationChange.Waitlisted:
                    var position = tx.Event.WaitlistCount;
                    mails.Waitlisted(tx.Db, user, tx.Event, position);
                    return $"All seats are taken: you are number {position} on the waitlist.";
                case RegistrationChange.AlreadyConfirmed:
                    return "You're already registered.";
                case RegistrationChange.AlreadyWaitlisted:
                    return $"You're already on the waitlist, number {await tx.PositionAsync(registration, cancellationToken)}.";
                default:
                    throw new ArgumentOutOfRangeException(nameof(slug), change, "Unknown registration change.");
            }
        });

    /// <summary>Cancels, and gives a freed seat to the first person waiting; decided at the desk like registering.</summary>
    public Task<EventOutcome> CancelAsync(EventViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        desk.DecideAsync(slug, viewer, async (tx, cancellationToken) =>
        {
            var userId = RequireSignedIn(tx);
            var registration = await tx.FindRegistrationAsync(userId, cancellationToken);
            if (registration is not { IsActive: true })
            {
                return "You're not registered for this event.";
            }

            var next = registration.Status == RegistrationStatus.Confirmed ? (await tx.WaitlistAsync(1, cancellationToken)).SingleOrDefault() : null;
            var promoted = tx.Event.CancelRegistration(registration, next, clock.GetUtcNow());
            if (promoted is not null)
            {
                mails.Promoted(tx.Db, await UserAsync(tx.Db, promoted.UserId, cancellationToken), tx.Event);
            }

            return "Your registration is cancelled.";
        });

    /// <summary>
    /// Sets the seats. Lowering below the confirmed count needs <paramref name="moveLatestToWaitlist"/>: the latest
    /// confirmed people go back to the front of the waitlist and are told.
    /// </summary>
    public Task<EventOutcome> ChangeCapacityAsync(
        EventViewer viewer, string slug, int? capacity, bool moveLatestToWaitlist, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            RequireOrganiser(tx);
            var waitlist = await tx.WaitlistAsync(null, cancellationToken);
            var confirmedNewestFirst = await tx.Db.EventRegistrations
                .Where(r => r.EventId == tx.Event.Id && r.Status == RegistrationStatus.Confirmed)
                .OrderByDescending(r => r.Ticket)
                .ToListAsync(cancellationToken);
            var change = tx.Event.ChangeCapacity(capacity, waitlist, confirmedNewestFirst, moveLatestToWaitlist, clock.GetUtcNow());
            foreach (var promoted in change.Promoted)
            {
                mails.Promoted(tx.Db, await UserAsync(tx.Db, promoted.UserId, cancellationToken), tx.Event);
            }

            foreach (var moved in change.MovedToWaitlist)
            {
                mails.MovedToWaitlist(tx.Db, await UserAsync(tx.Db, moved.UserId, cancellationToken), tx.Event);
            }

            var seats = capacity is { } n ? $"{n} seats" : "no seat limit";
            return $"The event now has {seats}. {change.Promoted.Count} confirmed from the waitlist, {change.MovedToWaitlist.Count} moved back to it.";
        });

    public Task<EventOutcome> CheckInAsync(EventViewer viewer, string slug, Guid registrationId, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            RequireOrganiser(tx);
            var registration = await tx.Db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == tx.Event.Id, cancellationToken)
                ?? throw new EventRuleException("That registration is no longer there.");
            tx.Event.CheckIn(registration, clock.GetUtcNow());
            return "Checked in.";
        });

    /// <summary>Where a waitlisted registration stands: 1 for the next to get a seat.</summary>
    internal static async Task<int> PositionAsync(AppDbContext db, EventRegistration registration, CancellationToken cancellationToken) =>
        await db.EventRegistrations.CountAsync(
            r => r.EventId == registration.EventId && r.Status == RegistrationStatus.Waitlisted && r.Ticket <= registration.Ticket,
            cancellationToken);

    internal static string RequireOrganiser(EventTransaction tx) =>
        tx.Access.CanOrganise ? tx.Access.Viewer.UserId! : throw new EventRuleException("Only the event's organisers can do that.");

    /// <summary>By key, so a person a batch has already loaded costs no round trip.</summary>
    internal static async Task<ApplicationUser> UserAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Users.FindAsync([userId], cancellationToken) ?? throw new InvalidOperationException($"No account {userId}.");

    private static string RequireSignedIn(EventTransaction tx) =>
        tx.Access.Viewer.UserId ?? throw new EventRuleException("Sign in to register for events.");

    private static string RequireParticipant(EventTransaction tx) =>
        tx.Access.CanTakePart ? RequireSignedIn(tx) : throw new EventRuleException("Only members of the group can register for this event.");

    private Task<EventOutcome> RunAsync(EventViewer viewer, string slug, CancellationToken cancellationToken, Func<EventTransaction, Task<string>> change) =>
        EventTransaction.RunAsync(contexts, slug, viewer, live, logger, change, cancellationToken);
}
