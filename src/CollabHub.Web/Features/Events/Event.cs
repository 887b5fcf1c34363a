namespace CollabHub.Web.Features.Events;

/// <summary>
/// A meeting people register for: a single event, a session of a series (<see cref="SeriesId"/>), or a series itself
/// (<see cref="IsSeries"/>), which holds the programme and takes no registrations of its own. Seats are decided by
/// these methods under the event's row lock; the database checks the counts again.
/// </summary>
public class Event
{
    public const int TitleMaxLength = 150;
    public const int SlugMaxLength = 100;
    public const int DescriptionMaxLength = 20_000;
    public const int VenueMaxLength = 300;
    public const int JoinUrlMaxLength = 500;
    public const int MaxTopics = 8;
    public const int MaxCapacity = 100_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The IANA zone the organisers entered the times in, shown beside the viewer's own.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public EventFormat Format { get; set; }

    public string? Venue { get; set; }

    /// <summary>Shown only to confirmed registrants and organisers.</summary>
    public string? JoinUrl { get; set; }

    /// <summary>Seats; null for no limit.</summary>
    public int? Capacity { get; set; }

    public DateTimeOffset? RegistrationOpensAt { get; set; }

    public DateTimeOffset? RegistrationClosesAt { get; set; }

    /// <summary>The group whose visibility the event follows; null for a site-wide event.</summary>
    public Guid? GroupId { get; set; }

    /// <summary>The series this is a session of.</summary>
    public Guid? SeriesId { get; set; }

    public bool IsSeries { get; set; }

    public List<string> Topics { get; set; } = [];

    public EventStatus Status { get; set; } = EventStatus.Draft;

    public string? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The iCalendar SEQUENCE: raised on every change, so calendars replace their copy.</summary>
    public int Sequence { get; set; }

    public int ConfirmedCount { get; set; }

    public int WaitlistCount { get; set; }

    /// <summary>The last arrival ticket handed out (see <see cref="EventRegistration.Ticket"/>).</summary>
    public long LastTicket { get; set; }

    public int? SeatsLeft => Capacity is { } capacity ? Math.Max(0, capacity - ConfirmedCount) : null;

    /// <summary>Null when <paramref name="now"/> is a time the event takes registrations, else why not.</summary>
    public string? RegistrationRefusal(DateTimeOffset now) =>
        IsSeries ? "Register for the sessions of this programme one by one."
        : Status == EventStatus.Cancelled ? "This event was cancelled."
        : Status == EventStatus.Draft ? "This event is not published yet."
        : now >= StartsAt ? "This event has already started, so registration is closed."
        : RegistrationOpensAt is { } opens && now < opens ? "Registration has not opened yet."
        : RegistrationClosesAt is { } closes && now >= closes ? "Registration has closed."
        : null;

    /// <summary>
    /// Takes a seat if one is free, else a place at the end of the waitlist. Registering again while registered
    /// changes nothing and says where the person stands.
    /// </summary>
    public (EventRegistration Registration, RegistrationChange Change) Register(EventRegistration? existing, string userId, DateTimeOffset now)
    {
        if (existing is { Status: RegistrationStatus.Confirmed })
        {
            return (existing, RegistrationChange.AlreadyConfirmed);
        }

        if (existing is { Status: RegistrationStatus.Waitlisted })
        {
            return (existing, RegistrationChange.AlreadyWaitlisted);
        }

        if (RegistrationRefusal(now) is { } refusal)
        {
            throw new EventRuleException(refusal);
        }

        var registration = existing ?? new EventRegistration { EventId = Id, UserId = userId };
        registration.Ticket = ++LastTicket;
        registration.RegisteredAt = now;
        registration.CancelledAt = null;
        registration.CheckedInAt = null;
        if (SeatsLeft is null or > 0)
        {
            Confirm(registration, now);
            return (registration, RegistrationChange.Confirmed);
        }

        registration.Status = RegistrationStatus.Waitlisted;
        registration.ConfirmedAt = null;
        WaitlistCount++;
        return (registration, RegistrationChange.Waitlisted);
    }

    /// <summary>
    /// Gives up a seat or a waitlist place before the start. A freed seat goes to <paramref name="firstWaitlisted"/>
    /// (the lowest ticket, read under the lock), who is returned so they can be told.
    /// </summary>
    public EventRegistration? CancelRegistration(EventRegistration registration, EventRegistration? firstWaitlisted, DateTimeOffset now)
    {
        if (registration.EventId != Id)
        {
            throw new InvalidOperationException("The registration belongs to another event.");
        }

        if (!registration.IsActive)
        {
            return null;
        }

        if (now >= StartsAt && Status != EventStatus.Cancelled)
        {
            throw new EventRuleException("The event has started, so registrations can no longer be cancelled.");
        }

        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        Leave(registration);
        registration.Status = RegistrationStatus.Cancelled;
        registration.ConfirmedAt = null;
        registration.CheckedInAt = null;
        registration.CancelledAt = now;
        if (!wasConfirmed || firstWaitlisted is null || Status != EventStatus.Published)
        {
            return null;
        }

        Promote(firstWaitlisted, now);
        return firstWaitlisted;
    }

    /// <summary>
    /// Sets the number of seats. Raising it confirms people from the front of <paramref name="waitlist"/> (in ticket
    /// order). Lowering it below the confirmed count is refused unless the organiser chose to move the latest
    /// confirmed people (<paramref name="confirmedNewestFirst"/>) back to the front of the waitlist.
    /// </summary>
    public CapacityChange ChangeCapacity(
        int? capacity,
        IReadOnlyList<EventRegistration> waitlist,
        IReadOnlyList<EventRegistration> confirmedNewestFirst,
        bool moveLatestToWaitlist,
        DateTimeOffset now)
    {
        if (capacity is < 1 or > MaxCapacity)
        {
            throw new EventRuleException($"Capacity must be between 1 and {MaxCapacity:N0}, or empty for no limit.");
        }

        var demoted = new List<EventRegistration>();
        if (capacity is { } seats && seats < ConfirmedCount)
        {
            if (!moveLatestToWaitlist)
            {
                throw new EventRuleException(
                    $"{ConfirmedCount} people are confirmed, more than {seats} seats. Choose to move the latest {ConfirmedCount - seats} back to the waitlist, or keep more seats.");
            }

            foreach (var registration in confirmedNewestFirst.Take(ConfirmedCount - seats))
            {
                registration.Status = RegistrationStatus.Waitlisted;
                registration.ConfirmedAt = null;
                registration.CheckedInAt = null;
                ConfirmedCount--;
                WaitlistCount++;
                demoted.Add(registration);
            }
        }

        Capacity = capacity;
        var promoted = new List<EventRegistration>();
        foreach (var registration in waitlist)
        {
            if (SeatsLeft is 0 || Status != EventStatus.Published)
            {
                break;
            }

            Promote(registration, now);
            promoted.Add(registration);
        }

        Touch(now);
        return new CapacityChange(promoted, demoted);
    }

    /// <summary>Marks a confirmed registrant as arrived; only on the day, and only for confirmed people.</summary>
    public void CheckIn(EventRegistration registration, DateTimeOffset now)
    {
        if (registration.Status != RegistrationStatus.Confirmed)
        {
            throw new EventRuleException("Only confirmed registrants can be checked in.");
        }

        registration.CheckedInAt ??= now;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != EventStatus.Draft)
        {
            throw new EventRuleException(Status == EventStatus.Cancelled ? "A cancelled event can't be published again." : "The event is already published.");
        }

        Status = EventStatus.Published;
        Touch(now);
    }

    /// <summary>Calls the event off; everyone registered keeps their row (cancelled) so they can be told.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status == EventStatus.Cancelled)
        {
            throw new EventRuleException("The event is already cancelled.");
        }

        Status = EventStatus.Cancelled;
        Touch(now);
    }

    /// <summary>Takes new details; returns true when the time or place changed, which registrants must hear about.</summary>
    public bool Describe(EventDetails details, DateTimeOffset now)
    {
        if (Status == EventStatus.Cancelled)
        {
            throw new EventRuleException("A cancelled event can't be edited.");
        }

        var moved = StartsAt != details.StartsAt || EndsAt != details.EndsAt || Venue != details.Venue
            || JoinUrl != details.JoinUrl || Format != details.Format;
        Title = details.Title;
        Description = details.Description;
        StartsAt = details.StartsAt;
        EndsAt = details.EndsAt;
        TimeZoneId = details.TimeZoneId;
        Format = details.Format;
        Venue = details.Venue;
        JoinUrl = details.JoinUrl;
        RegistrationOpensAt = details.RegistrationOpensAt;
        RegistrationClosesAt = details.RegistrationClosesAt;
        Topics = [.. details.Topics];
        Touch(now);
        return moved;
    }

    private void Touch(DateTimeOffset now)
    {
        Sequence++;
        UpdatedAt = now;
    }

    private void Confirm(EventRegistration registration, DateTimeOffset now)
    {
        registration.Status = RegistrationStatus.Confirmed;
        registration.ConfirmedAt = now;
        ConfirmedCount++;
    }

    private void Promote(EventRegistration registration, DateTimeOffset now)
    {
        if (registration.Status != RegistrationStatus.Waitlisted)
        {
            throw new InvalidOperationException("Only someone on the waitlist can be promoted.");
        }

        WaitlistCount--;
        Confirm(registration, now);
    }

    private void Leave(EventRegistration registration)
    {
        if (registration.Status == RegistrationStatus.Confirmed)
        {
            ConfirmedCount--;
        }
        else
        {
            WaitlistCount--;
        }
    }
}
