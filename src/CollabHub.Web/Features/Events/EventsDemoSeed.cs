using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// Demo events, always in the weeks ahead of the day the database is seeded: Behavioural Science Week as a programme
/// of five sessions, a virtual high-level meeting and a Human Rights Council side event, with registrations by the
/// demo colleagues (one session is full, so its waitlist shows).
/// </summary>
public sealed class EventsDemoSeed(TimeProvider clock) : IDemoSeedStep
{
    private const string Geneva = "Europe/Zurich";

    public string Key => "events/demo";

    public async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var people = await db.Users.Where(u => u.Email!.EndsWith("@collabhub.example"))
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        var organiser = people.FirstOrDefault(p => p.Email == MembersDemoSeed.AdminEmail)?.Id;
        var attendees = people.Where(p => p.Id != organiser).Select(p => p.Id).ToList();
        var bsg = await GroupIdAsync(db, "un-behavioural-science-group", cancellationToken);
        var rights = await GroupIdAsync(db, "call-to-action-for-human-rights", cancellationToken);

        var monday = DateOnly.FromDateTime(now.UtcDateTime.AddDays(14));
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var week = New("un-behavioural-science-week", "UN Behavioural Science Week",
            """
            A week of short talks and clinics on using behavioural insights in UN work: what people actually do, why,
            and how programmes can make the better choice the easier one.

            Each session takes its own registration, so pick the ones that fit your week. All sessions are online and
            recorded for colleagues in other time zones.
            """,
            Local(monday, 14, 0), Local(monday.AddDays(4), 15, 30), EventFormat.Online, null, bsg, organiser, now, ["behavioural science"]);
        week.IsSeries = true;
        db.Events.Add(week);

        (string Slug, string Title, string About, int Day, int? Seats)[] sessions =
        [
            ("bsw-opening", "Opening: what behavioural science brings to the SDGs", "Why small design choices move big numbers, with examples from country offices.", 0, 200),
            ("bsw-vaccination-nudges", "Designing reminders that get people to their second dose", "A walk through a reminder trial, from the first sketch to the results.", 1, 100),
            ("bsw-trial-clinic", "Trial clinic: testing ideas in humanitarian settings", "Bring a programme question; we work through how to test it fairly and ethically. Kept small on purpose.", 2, 3),
            ("bsw-procurement", "Choice architecture for greener procurement", "Defaults, framing and feedback in purchasing rules, and what changed when offices tried them.", 3, 100),
            ("bsw-closing", "Closing panel: from insight to policy", "Heads of units on turning evidence into decisions that stick.", 4, 200),
        ];
        var sessionEvents = new List<Event>();
        foreach (var (slug, title, about, day, seats) in sessions)
        {
            var date = monday.AddDays(day);
            var session = New(slug, title, about, Local(date, 14, 0), Local(date, 15, 30), EventFormat.Online, seats, bsg, organiser, now, ["behavioural science"]);
            session.SeriesId = week.Id;
            session.JoinUrl = "https://meet.collabhub.example/bsw-" + (day + 1);
            sessionEvents.Add(session);
            db.Events.Add(session);
        }

        var liquidity = New("liquidity-and-debt-solutions", "High-level virtual meeting on liquidity and debt solutions",
            """
            Finance ministers, development banks and UN entities compare notes on keeping countries solvent while they
            invest in the SDGs: debt swaps, liquidity lines and what reform of the financial architecture could look like.

            Interpretation in the six official languages. The join link is sent to confirmed participants.
            """,
            Local(monday.AddDays(7), 9, 0, "America/New_York"), Local(monday.AddDays(7), 11, 0, "America/New_York"),
            EventFormat.Online, 500, null, organiser, now, ["financing", "debt"]);
        liquidity.TimeZoneId = "America/New_York";
        liquidity.JoinUrl = "https://meet.collabhub.example/liquidity";
        db.Events.Add(liquidity);

        var sideEvent = New("hrc-side-event-civic-space", "Human Rights Council side event: protecting civic space online",
            """
            A side event during the Council session on how states, platforms and the UN can keep online civic space open,
            with civil society speakers from three regions. Light lunch served; bring your UN grounds pass.
            """,
            Local(monday.AddDays(9), 13, 0), Local(monday.AddDays(9), 14, 30), EventFormat.Hybrid, 80, rights, organiser, now, ["human rights", "civic space"]);
        sideEvent.Venue = "Palais des Nations, Room XXIV, Geneva";
        sideEvent.JoinUrl = "https://meet.collabhub.example/hrc-civic-space";
        db.Events.Add(sideEvent);

        // Registrations in a plausible order; the trial clinic fills up and keeps a short waitlist.
        foreach (var (ev, take) in sessionEvents.Select((e, i) => (e, i == 2 ? attendees.Count : attendees.Count / 2 + i)).Append((liquidity, 4)).Append((sideEvent, 6)))
        {
            foreach (var userId in attendees.Take(take))
            {
                db.EventRegistrations.Add(ev.Register(null, userId, now).Registration);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Event New(
        string slug, string title, string description, DateTimeOffset starts, DateTimeOffset ends, EventFormat format, int? capacity,
        Guid? groupId, string? organiser, DateTimeOffset now, IReadOnlyList<string> topics)
    {
        var ev = new Event
        {
            Slug = slug,
            Title = title,
            Description = description.Trim(),
            StartsAt = starts,
            EndsAt = ends,
            TimeZoneId = Geneva,
            Format = format,
            Capacity = capacity,
            GroupId = groupId,
            CreatedById = organiser,
            CreatedAt = now,
            UpdatedAt = now,
            Sequence = 1,
            Status = EventStatus.Published,
            Topics = [.. topics],
        };
        return ev;
    }

    private static DateTimeOffset Local(DateOnly date, int hour, int minute, string zone = Geneva) =>
        EventTimes.ToUtc(date.ToDateTime(new TimeOnly(hour, minute)), EventTimes.Zone(zone))!.Value;

    private static async Task<Guid?> GroupIdAsync(AppDbContext db, string slug, CancellationToken cancellationToken) =>
        await db.Groups.Where(g => g.Slug == slug).Select(g => (Guid?)g.Id).SingleOrDefaultAsync(cancellationToken);
}
