using System.Security.Cryptography;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using CollabHub.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// Creating, editing, publishing and cancelling events. Each method decides the viewer's rights itself (inside the
/// change's transaction), whatever the page showed them.
/// </summary>
public sealed partial class EventService(
    IDbContextFactory<AppDbContext> contexts, EventMails mails, MarkdownRenderer markdown, ILiveEvents live, TimeProvider clock, ILogger<EventService> logger)
{
    /// <summary>Why the viewer may not create events at all, or null. Members may in groups they moderate.</summary>
    public async Task<string?> GetCreationRefusalAsync(EventViewer viewer, CancellationToken cancellationToken = default) =>
        (await GroupsToOrganiseAsync(viewer, cancellationToken)).Count > 0 || viewer.IsSiteOrganiser
            ? null
            : "Events are created by the moderators of a group, or by site moderators for the whole hub.";

    /// <summary>The groups whose moderators include the viewer (all groups for administrators), for the create form.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name)>> GroupsToOrganiseAsync(EventViewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userId = viewer.UserId;
        var groups = await db.Groups
            .Where(g => viewer.IsAdministrator || db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId && m.Role >= GroupRole.Moderator))
            .OrderBy(g => g.Name)
            .Select(g => new { g.Slug, g.Name })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => (g.Slug, g.Name))];
    }

    /// <summary>Creates a draft; returns its address, or the errors by field ("" for the form as a whole).</summary>
    public async Task<(string? Slug, IReadOnlyDictionary<string, string> Errors)> CreateAsync(EventViewer viewer, EventForm form, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return (null, Refusal("Sign in to create events."));
        }

        var details = form.Validate(out var errors);
        if (details is null)
        {
            return (null, errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Guid? groupId = null;
        Event? series = null;
        if (!string.IsNullOrWhiteSpace(form.SeriesSlug))
        {
            series = await db.Events.SingleOrDefaultAsync(e => e.Slug == form.SeriesSlug && e.IsSeries, cancellationToken);
            if (series is null || !(await EventAccessLoader.LoadAsync(db, series, viewer, cancellationToken)).CanOrganise)
            {
                return (null, Refusal("You can add sessions only to programmes you organise."));
            }

            groupId = series.GroupId;
        }
        else if (!string.IsNullOrWhiteSpace(form.GroupSlug))
        {
            var group = await GroupAccessService.LoadAsync(db, g => g.Slug == form.GroupSlug, viewer.Group, cancellationToken);
            if (group is null || !group.CanModerate)
            {
                return (null, Refusal("You can create events only in groups you moderate."));
            }

            groupId = group.Group.Id;
        }
        else if (!viewer.IsSiteOrganiser)
        {
            return (null, Refusal("Only site moderators create events for the whole hub: choose one of your groups."));
        }

        var now = clock.GetUtcNow();
        var ev = new Event
        {
            Slug = NewSlug(details.Title),
            GroupId = groupId,
            SeriesId = series?.Id,
            IsSeries = series is null && form.IsSeries,
            CreatedById = viewer.UserId,
            CreatedAt = now,
            Capacity = details.Capacity,
        };
        ev.Describe(details, now);
        db.Events.Add(ev);
        await db.SaveChangesAsync(cancellationToken);
        return (ev.Slug, new Dictionary<string, string>());
    }

    /// <summary>Saves new details; when the time or place moved, confirmed registrants get an updated invitation.</summary>
    public Task<EventOutcome> UpdateAsync(EventViewer viewer, string slug, EventForm form, bool moveLatestToWaitlist, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EventRegistrationService.RequireOrganiser(tx);
            var details = form.Validate(out var errors);
            if (details is null)
            {
                throw new EventRuleException(string.Join(" ", errors.Values));
            }

            var now = clock.GetUtcNow();
            var moved = tx.Event.Describe(details, now);
            if (details.Capacity != tx.Event.Capacity)
            {
                var waitlist = await tx.WaitlistAsync(null, cancellationToken);
                var confirmed = await Registrations(tx, RegistrationStatus.Confirmed).OrderByDescending(r => r.Ticket).ToListAsync(cancellationToken);
                var change = tx.Event.ChangeCapacity(details.Capacity, waitlist, confirmed, moveLatestToWaitlist, now);
                foreach (var promoted in change.Promoted)
                {
                    mails.Promoted(tx.Db, await EventRegistrationService.UserAsync(tx.Db, promoted.UserId, cancellationToken), tx.Event);
                }

                foreach (var back in change.MovedToWaitlist)
                {
                    mails.MovedToWaitlist(tx.Db, await EventRegistrationService.UserAsync(tx.Db, back.UserId, cancellationToken), tx.Event);
                }
            }

            if (moved && tx.Event.Status == EventStatus.Published)
            {
                foreach (var user in await RegistrantsAsync(tx, RegistrationStatus.Confirmed, cancellationToken))
                {
                    mails.Changed(tx.Db, user, tx.Event);
                }
            }

            return moved ? "Saved. Confirmed registrants are sent the updated invitation." : "Saved.";
        });

    public Task<EventOutcome> PublishAsync(EventViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, tx =>
        {
            EventRegistrationService.RequireOrganiser(tx);
            tx.Event.Publish(clock.GetUtcNow());
            return Task.FromResult("Published: members can now find the event and register.");
        });

    /// <summary>Calls the event off; everyone registered is told, and confirmed people's calendars get a cancellation.</summary>
    public Task<EventOutcome> CancelAsync(EventViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EventRegistrationService.RequireOrganiser(tx);
            var now = clock.GetUtcNow();
            await CancelOneAsync(tx.Db, tx.Event, now, cancellationToken);
            if (tx.Event.IsSeries)
            {
                // A programme called off takes its sessions with it; their rows are locked as a registration would.
                var sessions = await tx.Db.Events
                    .FromSql($"SELECT * FROM events WHERE series_id = {tx.Event.Id} AND status <> {(int)EventStatus.Cancelled} ORDER BY id FOR UPDATE")
                    .ToListAsync(cancellationToken);
                foreach (var session in sessions)
                {
                    await CancelOneAsync(tx.Db, session, now, cancellationToken);
                }
            }

            return "The event is cancelled and everyone registered has been told.";
        });

    /// <summary>An organiser's message to everyone registered (confirmed and waiting).</summary>
    public Task<EventOutcome> MessageRegistrantsAsync(EventViewer viewer, string slug, string? subject, string? body, CancellationToken cancellationToken = default) =>
        RunAsync(viewer, slug, cancellationToken, async tx =>
        {
            EventRegistrationService.RequireOrganiser(tx);
            var cleanSubject = subject?.ReplaceLineEndings(" ").Trim() ?? "";
            var cleanBody = body?.Trim() ?? "";
            if (cleanSubject.Length is 0 or > 150 || cleanBody.Length is 0 or > 5000)
            {
                throw new EventRuleException("Write a subject (up to 150 characters) and a message (up to 5,000).");
            }

            var registrants = await RegistrantsAsync(tx, null, cancellationToken);
            foreach (var user in registrants)
            {
                mails.Message(tx.Db, user, tx.Event, cleanSubject, cleanBody);
            }

            return $"Your message is on its way to {registrants.Count} registrants.";
        });

    private static IQueryable<EventRegistration> Registrations(EventTransaction tx, RegistrationStatus status) =>
        tx.Db.EventRegistrations.Where(r => r.EventId == tx.Event.Id && r.Status == status);

    private async Task CancelOneAsync(AppDbContext db, Event ev, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wasPublished = ev.Status == EventStatus.Published;
        ev.Cancel(now);
        if (wasPublished)
        {
            foreach (var user in await RegistrantsAsync(db, ev.Id, null, cancellationToken))
            {
                mails.Cancelled(db, user, ev);
            }
        }
    }

    private static Task<List<Members.ApplicationUser>> RegistrantsAsync(EventTransaction tx, RegistrationStatus? status, CancellationToken cancellationToken) =>
        RegistrantsAsync(tx.Db, tx.Event.Id, status, cancellationToken);

    /// <summary>Active registrants (or those of one status), read under the event's lock.</summary>
    private static async Task<List<Members.ApplicationUser>> RegistrantsAsync(AppDbContext db, Guid eventId, RegistrationStatus? status, CancellationToken cancellationToken) =>
        await db.Users
            .Where(u => db.EventRegistrations.Any(r => r.EventId == eventId && r.UserId == u.Id
                && (status == null ? r.Status != RegistrationStatus.Cancelled : r.Status == status)))
            .ToListAsync(cancellationToken);

    private static Dictionary<string, string> Refusal(string message) => new() { [""] = message };

    /// <summary>Readable and unique: the title's words and six random hex digits.</summary>
    private static string NewSlug(string title)
    {
        var words = GroupSlugs.Suggest(title);
        words = words.Length > Event.SlugMaxLength - 7 ? words[..(Event.SlugMaxLength - 7)].TrimEnd('-') : words;
        return $"{words}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
    }

    private Task<EventOutcome> RunAsync(EventViewer viewer, string slug, CancellationToken cancellationToken, Func<EventTransaction, Task<string>> change) =>
        EventTransaction.RunAsync(contexts, slug, viewer, live, logger, change, cancellationToken);
}
