using CollabHub.Web.Features.Groups;

namespace CollabHub.Web.Features.Events;

/// <summary>What the viewers of one batch at the <see cref="RegistrationDesk"/> share inside its transaction.</summary>
internal sealed class EventBatchState
{
    /// <summary>
    /// Registrations for the event by person, as <see cref="EventTransaction.PrefetchAsync"/> loaded them (null: none)
    /// and <see cref="EventTransaction.AddRegistration"/> added them, so each decision reads the one before it without
    /// asking the database.
    /// </summary>
    public Dictionary<string, EventRegistration?> Known { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// For an event in a group: the group and where each person of the batch stands in it, so each one's access is decided
    /// without three round trips of their own under the lock.
    /// </summary>
    public GroupStandings? Standings { get; set; }

    /// <summary>Whether decisions were made since the context was last saved.</summary>
    public bool Unsaved { get; set; }
}
